package dev.taskq.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input of a "send email" task (the sending is simulated). A JavaBean so that Faces forms can bind to it. */
public final class EmailTask implements TaskInput {
    static final String RECIPIENT = "recipient";
    static final String SUBJECT = "subject";
    static final String BODY = "body";

    @NotBlank
    @Email
    @Size(max = 254)
    private String recipient;

    @NotBlank
    @Size(max = 200)
    private String subject;

    @Size(max = MAX_TEXT_LENGTH)
    private String body;

    public EmailTask() {
    }

    public EmailTask(String recipient, String subject, String body) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.EMAIL;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RECIPIENT, recipient);
        parameters.put(SUBJECT, subject);
        parameters.put(BODY, body == null ? "" : body);
        return parameters;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}

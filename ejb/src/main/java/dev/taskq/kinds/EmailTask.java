package dev.taskq.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskFailedException;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * "Send email", simulated: a recipient containing "fail" (any case) fails, as in the app taskq replaces, and is
 * retried 3 times (taskq's default policy). A sent e-mail is recorded as the effect {@code sent}, committed exactly
 * once with the SUCCESS: {@code <prefix>:email:sent:<task id>}.
 */
@TaskDefinition(name = "email", title = "Send email",
        description = "Sending is simulated. A recipient containing “fail” fails and is retried three times.")
@ApplicationScoped
public class EmailTask implements TaskHandler<EmailTask.Request> {
    /** Longest e-mail body accepted, in characters. */
    public static final int MAX_BODY_LENGTH = 10_000;

    /** What "send email" takes. */
    public record Request(
            @NotBlank @Email @Size(max = 254) String recipient,
            @NotBlank @Size(max = 200) String subject,
            @Size(max = MAX_BODY_LENGTH) @TaskField(multiline = true) String body) {
    }

    /** The record of a sent e-mail. */
    public record Sent(String to, String subject) {
    }

    @Inject
    SimulatedWork work;

    @Override
    public String run(Request email, TaskContext context) throws InterruptedException {
        work.pause();
        if (email.recipient().toLowerCase(Locale.ROOT).contains("fail")) {
            throw new TaskFailedException("could not deliver email to " + email.recipient());
        }
        context.effect("sent", new Sent(email.recipient(), email.subject()));
        return "Email sent to " + email.recipient() + " (subject: " + email.subject() + ")";
    }
}

package dev.taskq.application;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Instant;

/**
 * What travels through the queue for one task: its id, kind and input, as JSON text.
 *
 * @param id          the task id
 * @param type        the kind's name ({@code email}, {@code reverse}, …)
 * @param parameters  the input, as accepted (a JSON object)
 * @param submittedAt when the task was accepted (for end-to-end latency)
 */
public record TaskMessage(String id, String type, JsonObject parameters, Instant submittedAt) {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Longer bodies are not task messages (the API accepts at most 256 KiB). */
    static final int MAX_JSON_LENGTH = 512 * 1024;

    public String toJson() {
        return JSONB.toJson(this);
    }

    /**
     * Reads a message body.
     *
     * @throws UnreadableTaskMessageException when it is not a task message taskq can run
     */
    public static TaskMessage fromJson(String json) {
        if (json == null) {
            throw new UnreadableTaskMessageException("empty message");
        }
        if (json.length() > MAX_JSON_LENGTH) {
            throw new UnreadableTaskMessageException("over-size message: " + json.length() + " characters");
        }
        TaskMessage message;
        try {
            message = JSONB.fromJson(json, TaskMessage.class);
        } catch (JsonbException e) {
            throw new UnreadableTaskMessageException("not a task message: " + e.getMessage());
        }
        if (message == null || message.id() == null || message.type() == null || message.parameters() == null) {
            throw new UnreadableTaskMessageException("task message without id, type or parameters");
        }
        return message;
    }
}

package dev.taskq.application;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;


/**
 * What travels through the queue for one task: its id, kind and input, as JSON text.
 *
 * @param id          the task id
 * @param type        the kind's name ({@code email}, {@code reverse}, …)
 * @param parameters  the input, as accepted (a JSON object)
 * @param submittedAt when the task was accepted (for end-to-end latency); it travels as epoch milliseconds, because
 *                    parsing the ISO-8601 text with {@link Instant#parse} was 7 % of a worker's CPU on the drain
 *                    (docs/performance.md); a message written as text by an earlier version is still read
 */
public record TaskMessage(String id, String type, JsonObject parameters, Instant submittedAt) {

    // JSON-P rather than JSON-B: binding the record with Yasson was a noticeable part of a worker's CPU per task
    // (docs/performance.md); the keys are the same: {"id","parameters","submittedAt","type"}
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    /** Longer bodies are not task messages (the API accepts at most 256 KiB per task). */
    static final int MAX_JSON_LENGTH = 512 * 1024;

    public String toJson() {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("id", id).add("parameters", parameters);
        if (submittedAt != null) {
            json.add("submittedAt", submittedAt.toEpochMilli());
        }
        return json.add("type", type).build().toString();
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
        JsonObject message;
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            message = reader.readObject();
        } catch (RuntimeException e) {
            // JsonException, or Parsson's plain RuntimeException for JSON nested too deep
            throw new UnreadableTaskMessageException("not a task message: " + e.getMessage());
        }
        String id = string(message, "id");
        String type = string(message, "type");
        JsonValue parameters = message.get("parameters");
        if (id == null || type == null || !(parameters instanceof JsonObject)) {
            throw new UnreadableTaskMessageException("task message without id, type or parameters");
        }
        Instant submittedAt = instant(message.get("submittedAt"));
        return new TaskMessage(id, type, parameters.asJsonObject(), submittedAt);
    }

    /** Epoch milliseconds, or an ISO-8601 instant (a message of an earlier version), or null when missing. */
    private static Instant instant(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        try {
            if (value instanceof JsonNumber millis) {
                return Instant.ofEpochMilli(millis.longValueExact());
            }
            if (value instanceof JsonString text) {
                return Instant.parse(text.getString());
            }
        } catch (ArithmeticException | DateTimeException e) {
            throw new UnreadableTaskMessageException("not a task message: submittedAt " + e.getMessage());
        }
        throw new UnreadableTaskMessageException("not a task message: submittedAt is neither a number nor a string");
    }

    /** The string at {@code name}, or null when it is missing or null; not a string: unreadable. */
    private static String string(JsonObject message, String name) {
        JsonValue value = message.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new UnreadableTaskMessageException("not a task message: " + name + " is not a string");
    }
}

package dev.taskq.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The body of a task submission, already held to its shape by {@link TaskBodyReader}: one JSON object of scalar
 * values, one of which names the kind ({@code "type"}, or {@code "form_type"} on the seed API); the kind's fields
 * are read from the same object (no kind may have a field of either name).
 *
 * @param json the object as sent
 */
public record TaskBody(JsonObject json) {

    /** The kind's name in {@code property}, or null when it is missing or not a string (the service says so). */
    String kindIn(String property) {
        JsonValue value = json.get(property);
        return value instanceof JsonString s ? s.getString() : null;
    }
}

package dev.taskq.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The body of a task submission, already held to its shape by {@link TaskBodyReader}: one JSON object of scalar
 * values, one of which names the kind ({@code "type"}, or {@code "form_type"} on the seed API); the others are the
 * kind's fields.
 *
 * @param json the object as sent
 */
public record TaskBody(JsonObject json) {

    /** The kind's name in {@code property}, or null when it is missing or not a string (the service says so). */
    String kindIn(String property) {
        JsonValue value = json.get(property);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** The other properties: the kind's fields. */
    JsonObject fieldsWithout(String property) {
        JsonObjectBuilder fields = Json.createObjectBuilder(json);
        fields.remove(property);
        return fields.build();
    }
}

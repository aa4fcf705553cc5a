package dev.taskq.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Holds a task body to its documented shape before JSON-B reads it: one JSON object whose values are strings (or
 * null). JSON-B alone is lenient — it reads {@code [{"type":…}]} as the object inside and {@code "text":["a","b"]}
 * as a string — so such bodies would be accepted as tasks; and JSON nested deeper than the parser allows ends in
 * a plain RuntimeException (a 500). Here all of them are a 400 problem. Runs after
 * {@link BodySizeLimit}, on a body that is already known to be small.
 */
@Provider
@Priority(Priorities.USER + 1)
public class StrictTaskJson implements ReaderInterceptor {
    // made once: Json.createReader looks the JSON-P provider up with a ServiceLoader on every call, which searched
    // every jar of the application each time and cost about 15 % of the CPU of a submission (docs/performance.md)
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!TaskRequest.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            requireObjectOfStrings(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static void requireObjectOfStrings(byte[] body) {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // a JsonException, or Parsson's plain RuntimeException for input nested deeper than 1 000 levels
            throw new BadRequestException("The request body is not valid JSON.");
        }
        if (!(value instanceof JsonObject object) || object.values().stream().anyMatch(
                v -> v.getValueType() != JsonValue.ValueType.STRING && v.getValueType() != JsonValue.ValueType.NULL)) {
            throw new BadRequestException("The body must be a JSON object whose values are strings.");
        }
    }
}

package dev.taskq.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads a {@link TaskBody}, holding it to its documented shape: one JSON object whose values are strings, numbers,
 * booleans or null. Anything else — not JSON, an array, a nested object, JSON nested deeper than the parser allows
 * (Parsson's plain RuntimeException, which would be a 500) — is a 400 problem. Runs after {@link BodySizeLimit}, on a
 * body that is already known to be small.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class TaskBodyReader implements MessageBodyReader<TaskBody> {
    // made once: Json.createReader looks the JSON-P provider up with a ServiceLoader on every call, which searched
    // every jar of the application each time and cost about 15 % of the CPU of a submission (docs/performance.md)
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TaskBody.class;
    }

    @Override
    public TaskBody readFrom(Class<TaskBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (body.length == 0) {
            throw new BadRequestException("a JSON body is required");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new java.io.ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // a JsonException, or Parsson's plain RuntimeException for input nested deeper than 1 000 levels
            throw new BadRequestException("The request body is not valid JSON.");
        }
        if (!(value instanceof JsonObject object) || object.values().stream().anyMatch(TaskBodyReader::isNested)) {
            throw new BadRequestException("The body must be a JSON object whose values are strings, numbers, "
                    + "booleans or null.");
        }
        return new TaskBody(object);
    }

    private static boolean isNested(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.OBJECT || v.getValueType() == JsonValue.ValueType.ARRAY;
    }
}

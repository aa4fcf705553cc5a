package dev.taskq.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link TaskBody}, holding it to its documented shape: one JSON object whose values are strings, numbers,
 * booleans or null; and {@link TaskSubmissions}: such an object, or an array of 1 to
 * {@value TaskSubmissions#MAX_TASKS} of them. Anything else — not JSON, a nested object, an array where an object
 * belongs, JSON nested deeper than the parser allows (Parsson's plain RuntimeException, which would be a 500) — is a
 * 400 problem. Runs after {@link BodySizeLimit}, on a body that is already known to be small; a single task's
 * body is held to {@link BodySizeLimit#MAX_BODY_BYTES} also when it came where a batch may.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class TaskBodyReader implements MessageBodyReader<TaskBody> {
    private static final String OBJECT_SHAPE = "must be a JSON object whose values are strings, numbers, booleans "
            + "or null";

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
        return (TaskBody) read(entityStream, false);
    }

    /**
     * Reads {@link TaskSubmissions}: one task or a batch. (A reader of its own: one reader declared for both types,
     * as {@code MessageBodyReader<Object>}, lost to JSON-B's, which then made an empty record.)
     */
    @Provider
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Submissions implements MessageBodyReader<TaskSubmissions> {
        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == TaskSubmissions.class;
        }

        @Override
        public TaskSubmissions readFrom(Class<TaskSubmissions> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
                throws IOException {
            return (TaskSubmissions) read(entityStream, true);
        }
    }

    /** A {@link TaskBody}, or with {@code batchAllowed} {@link TaskSubmissions}. */
    static Object read(InputStream entityStream, boolean batchAllowed) throws IOException {
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
        if (batchAllowed && value instanceof JsonArray array) {
            return new TaskSubmissions(batch(array, body.length > BodySizeLimit.MAX_BODY_BYTES), true);
        }
        if (!isTask(value)) {
            throw new BadRequestException("The body " + OBJECT_SHAPE
                    + (batchAllowed ? ", or an array of 1 to " + TaskSubmissions.MAX_TASKS
                            + " such objects." : "."));
        }
        if (body.length > BodySizeLimit.MAX_BODY_BYTES) {
            throw BodySizeLimit.tooLarge(BodySizeLimit.MAX_BODY_BYTES);
        }
        TaskBody task = new TaskBody(value.asJsonObject());
        return batchAllowed ? new TaskSubmissions(List.of(task), false) : task;
    }

    /** The batch's tasks; {@code checkSizes}: each is held to a single task's size limit too. */
    private static List<TaskBody> batch(JsonArray array, boolean checkSizes) {
        if (array.isEmpty() || array.size() > TaskSubmissions.MAX_TASKS) {
            throw new BadRequestException("A batch holds 1 to " + TaskSubmissions.MAX_TASKS + " tasks; this one "
                    + "holds " + array.size() + ".");
        }
        List<TaskBody> tasks = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!isTask(array.get(i))) {
                throw new BadRequestException("Task [" + i + "] of the batch " + OBJECT_SHAPE + ".");
            }
            if (checkSizes && array.get(i).toString().getBytes(StandardCharsets.UTF_8).length
                    > BodySizeLimit.MAX_BODY_BYTES) {
                throw new BadRequestException("Task [" + i + "] of the batch is larger than "
                        + BodySizeLimit.MAX_BODY_BYTES + " bytes, the limit of one task.");
            }
            tasks.add(new TaskBody(array.getJsonObject(i)));
        }
        return tasks;
    }

    private static boolean isTask(JsonValue value) {
        return value instanceof JsonObject object && object.values().stream().noneMatch(TaskBodyReader::isNested);
    }

    private static boolean isNested(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.OBJECT || v.getValueType() == JsonValue.ValueType.ARRAY;
    }
}

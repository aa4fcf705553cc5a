package dev.taskq.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/tasks}: {@code {"type":"email","recipient":…,"subject":…,"body":…}} or
 * {@code {"type":"reverse"|"sentiment","text":…}}. Rules are checked by the application layer.
 */
public class TaskRequest {
    public String type;
    public String recipient;
    public String subject;
    public String body;
    public String text;

    /** The task type the client asked for. */
    public String typeName() {
        return type;
    }

    /** The input fields the client sent (absent ones left out). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfPresent(fields, "recipient", recipient);
        putIfPresent(fields, "subject", subject);
        putIfPresent(fields, "body", body);
        putIfPresent(fields, "text", text);
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}

package dev.taskq.interfaces.web;

import dev.taskq.application.TaskDueTime;
import dev.taskq.domain.InputField;
import dev.taskq.domain.TaskKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form of the main page, made from a task kind: its fields (labels, required marks, limits, widgets, all read
 * from the kind's input record and its constraints), the values the user typed, and what became of the last
 * submission: the accepted task's id, or why it was refused. Every form also has the optional field
 * {@value #RUN_AT} ("Run at / in"), which is not the kind's: when the task is due (blank: now).
 */
public final class TaskForm {
    /** The name (and form key) of the "Run at / in" field, as the submission service reads it. */
    public static final String RUN_AT = TaskDueTime.RUN_AT;
    /** The "Run at / in" field: a text, read by the submission service as an instant, a duration or seconds. */
    static final InputField RUN_AT_FIELD = new InputField(RUN_AT, "Run at / in",
            "blank: now; 30 or PT30S: in 30 s; 2026-12-02T10:00:00Z: at that time", InputField.Type.TEXT, false, 64,
            null, null, false, false, List.of());

    private final TaskKind kind;
    private final List<FormField> fields;
    private final FormField runAt = new FormField(RUN_AT_FIELD);
    private final Map<String, Object> values = new HashMap<>();
    private String acceptedId;
    private String refusal;

    TaskForm(TaskKind kind) {
        this.kind = kind;
        this.fields = kind.fields().stream().map(FormField::new).toList();
    }

    /** The id of the {@code <h:form>} on the page (the kind's name), so that field {@code f} is "{id}:{f}". */
    public String getId() {
        return kind.name();
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getTitle() {
        return kind.title();
    }

    public String getDescription() {
        return kind.description();
    }

    /** The fields, in the order of the kind's input record. */
    public List<FormField> getFields() {
        return fields;
    }

    /** The optional "Run at / in" field (key {@value #RUN_AT}), shown after the kind's fields. */
    public FormField getRunAt() {
        return runAt;
    }

    /** What the user typed (a text, or a checkbox's Boolean), by field name (the form's inputs bind to it). */
    public Map<String, Object> getValues() {
        return values;
    }

    /**
     * What goes to the submission service: each field's value as text, in field order, as a browser posts it (a
     * checkbox's "true" or "false"; a field the page did not post is left out, which the binder treats as absent),
     * then {@value #RUN_AT} when the user typed one.
     */
    Map<String, String> submittedValues() {
        Map<String, String> submitted = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object value = values.get(field.getName());
            if (value != null) {
                submitted.put(field.getName(), value.toString());
            }
        }
        Object when = values.get(RUN_AT);
        if (when != null && !when.toString().isBlank()) {
            submitted.put(RUN_AT, when.toString().strip());
        }
        return submitted;
    }

    /** What the task was asked to do: {@code submitted} without {@value #RUN_AT}, as the task's input shows. */
    static Map<String, String> inputOf(Map<String, String> submitted) {
        Map<String, String> input = new LinkedHashMap<>(submitted);
        input.remove(RUN_AT);
        return input;
    }

    /** The id of the task this form just submitted, or null. */
    public String getAcceptedId() {
        return acceptedId;
    }

    /** Why the last submission was not accepted although its input was valid, or null. */
    public String getRefusal() {
        return refusal;
    }

    /** The task was accepted: remember its id and clear the form. */
    void accepted(String id) {
        acceptedId = id;
        refusal = null;
        values.clear();
    }

    /** Whether this form has a field {@code name}: one of the kind's, or {@value #RUN_AT}. */
    boolean hasField(String name) {
        return RUN_AT.equals(name) || fields.stream().anyMatch(f -> f.getName().equals(name));
    }

    /**
     * The input broke rules: their messages go to the fields (Faces shows them); {@code aboutTheWhole} is what
     * concerns no single field (empty when every rule is a field's). The input stays for another try.
     */
    void invalid(String aboutTheWhole) {
        acceptedId = null;
        refusal = aboutTheWhole.isEmpty() ? null : aboutTheWhole;
    }

    /** The task was not accepted for a reason the user cannot fix; the input stays for another try. */
    void refused(String why) {
        acceptedId = null;
        refusal = why;
    }
}

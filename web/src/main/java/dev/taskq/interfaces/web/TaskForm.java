package dev.taskq.interfaces.web;

import dev.taskq.domain.TaskKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form of the main page, made from a task kind: its fields (labels, required marks, limits, widgets, all read
 * from the kind's input record and its constraints), the values the user typed, and what became of the last
 * submission: the accepted task's id, or why it was refused.
 */
public final class TaskForm {
    private final TaskKind kind;
    private final List<FormField> fields;
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

    /** What the user typed (a text, or a checkbox's Boolean), by field name (the form's inputs bind to it). */
    public Map<String, Object> getValues() {
        return values;
    }

    /**
     * What goes to the submission service: each field's value as text, in field order, as a browser posts it (a
     * checkbox's "true" or "false"; a field the page did not post is left out, which the binder treats as absent).
     */
    Map<String, String> submittedValues() {
        Map<String, String> submitted = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object value = values.get(field.getName());
            if (value != null) {
                submitted.put(field.getName(), value.toString());
            }
        }
        return submitted;
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

    /** Whether this form has a field {@code name}. */
    boolean hasField(String name) {
        return fields.stream().anyMatch(f -> f.getName().equals(name));
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

package dev.taskq.interfaces.web;

import dev.taskq.domain.InputField;
import dev.taskq.domain.TaskKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One form of the main page, made from a task kind: its fields (labels, required marks, limits, widgets, all read
 * from the kind's input record and its constraints), the values the user typed, and what became of the last
 * submission: the accepted task's id, or why it was refused.
 */
public final class TaskForm {
    private final TaskKind kind;
    private final Map<String, Object> values = new HashMap<>();
    private String acceptedId;
    private String refusal;

    TaskForm(TaskKind kind) {
        this.kind = kind;
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

    public List<InputField> getFields() {
        return kind.fields();
    }

    /** What the user typed (a text, or a checkbox's Boolean), by field name (the form's inputs bind to it). */
    public Map<String, Object> getValues() {
        return values;
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

    /** The task was not accepted for a reason the user cannot fix; the input stays for another try. */
    void refused(String why) {
        acceptedId = null;
        refusal = why;
    }
}

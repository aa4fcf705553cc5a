package dev.taskq.interfaces.web;

import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import java.util.function.Supplier;

/**
 * One form of the main page: the domain input it binds to (which carries the Bean Validation rules Faces
 * applies) and what became of the last submission: the accepted task's id, or why it was refused.
 *
 * @param <T> the kind of input
 */
public final class TaskForm<T extends TaskInput> {
    private final TaskKind kind;
    private final Supplier<T> blank;
    private T input;
    private String acceptedId;
    private String refusal;

    TaskForm(TaskKind kind, Supplier<T> blank) {
        this.kind = kind;
        this.blank = blank;
        this.input = blank.get();
    }

    /** The id of the {@code <h:form>} on the page, so that a field {@code f} has the client id "{id}:{f}". */
    public String getId() {
        return kind.wireName();
    }

    public TaskKind getKind() {
        return kind;
    }

    public T getInput() {
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
        input = blank.get();
    }

    /** The task was not accepted for a reason the user cannot fix; the input stays for another try. */
    void refused(String why) {
        acceptedId = null;
        refusal = why;
    }
}

package dev.taskq.application;

import dev.taskq.domain.TaskState;

/** An operator action does not fit the task's state (e.g. cancelling a task that has already started). */
public class TaskStateConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final TaskState state;

    public TaskStateConflictException(String id, String action, TaskState state, String allowed) {
        super("task " + id + " is " + state + "; only " + allowed + " tasks can be " + action);
        this.state = state;
    }

    /** The state the task is in. */
    public TaskState state() {
        return state;
    }
}

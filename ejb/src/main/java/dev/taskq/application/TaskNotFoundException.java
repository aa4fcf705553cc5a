package dev.taskq.application;

/** No task has this id (it never existed, was deleted, or expired). */
public class TaskNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String id) {
        super("no task with id " + id);
    }
}

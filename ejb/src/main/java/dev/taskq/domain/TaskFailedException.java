package dev.taskq.domain;

/** A task's work failed; the attempt may be retried. The message is shown to users as the task's error. */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message) {
        super(message);
    }
}

package dev.taskq.api;

/**
 * The attempt failed for a reason meant for users: the message becomes the task's error as it is. The attempt is
 * retried as the kind's policy says.
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message) {
        super(message);
    }

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

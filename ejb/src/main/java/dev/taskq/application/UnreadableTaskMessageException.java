package dev.taskq.application;

/** A queue message that is not a task taskq can run (a poison message). */
public class UnreadableTaskMessageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnreadableTaskMessageException(String message) {
        super(message);
    }

    public UnreadableTaskMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.taskq.api;

/**
 * What a running attempt can tell taskq and ask of it. One context per attempt; it is only valid while
 * {@link TaskHandler#run} runs (calls after it returned are ignored).
 */
public interface TaskContext {

    /** The task's id, as the API, the UI and Redis show it. */
    String taskId();

    /** The number of this attempt, 1 for the first. */
    int attempt();

    /**
     * Reports progress: shown live as a progress bar in the UI, the dashboard, and as {@code progress} in
     * {@code GET /api/tasks/{id}}. Cheap to call often: writes to Redis are throttled (the latest value is always
     * kept).
     *
     * @param percent 0–100 (values outside are clamped)
     * @param message what is happening now; may be null
     */
    void progress(int percent, String message);

    /**
     * Keeps a line of log with the task (the last {@code taskq.tasks.log-lines} lines, each cut to
     * {@code taskq.tasks.log-line-length} characters), shown on the task's details pages and expiring with it.
     */
    void log(String line);

    /**
     * Whether an operator revoked this task while it runs. taskq also interrupts the handler's thread when that
     * happens; a handler that loops should check this (or {@link Thread#isInterrupted()}) and stop. Whatever the
     * handler returns afterwards is discarded: the task ends REVOKED.
     */
    boolean cancelled();

    /**
     * Records an effect of this attempt, to be written with the task's outcome in the same atomic compare-and-set:
     * when the task ends SUCCESS, each effect recorded by the successful attempt is appended exactly once to the Redis
     * list {@code <prefix>:<kind>:<name>:<task id>} as a JSON object (the value's properties plus {@code task_id},
     * {@code at} and {@code instance}), however often the work itself ran. Effects of failed attempts are dropped.
     *
     * @param name  a short name such as {@code sent} (letters, digits, {@code -} and {@code _})
     * @param value an object JSON-B can write as a JSON object (a record, a bean or a {@code Map})
     */
    void effect(String name, Object value);
}

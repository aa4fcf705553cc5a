package dev.taskq.application;

import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import java.time.Duration;

/** What the services report about tasks as they go (counted and timed by the infrastructure). */
public interface TaskMetrics {

    /** A task was accepted and enqueued. */
    void submitted(TaskKind kind);

    /** An attempt of a task started. */
    void attemptStarted(TaskKind kind, int attempt);

    /** A task reached a terminal state, {@code latency} after it was submitted. */
    void finished(TaskKind kind, TaskState outcome, Duration latency);

    /** A queue message that was not a runnable task went to the dead-letter queue. */
    void deadLettered();

    /** A task this instance ran was committed SUCCESS or FAILURE after {@code processing} (all its attempts). */
    void processed(TaskKind kind, Duration processing);

    /** An operator cancelled a task before it started (REVOKED). */
    void revoked(TaskKind kind);

    /** An operator put a failed task back on the queue. */
    void requeued(TaskKind kind);
}

package dev.taskq.application;

import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.TaskState;
import java.time.Duration;

/** What the services report about tasks as they go (counted and timed by the infrastructure). */
public interface TaskMetrics {

    /** A task was accepted and enqueued. */
    void submitted(String kind);

    /** An attempt of a task started. */
    void attemptStarted(String kind, int attempt);

    /** A task reached a terminal state, {@code latency} after it was submitted. */
    void finished(String kind, TaskState outcome, Duration latency);

    /** A queue message that was not a runnable task went to the dead-letter queue. */
    void deadLettered();

    /** A task this instance ran was committed SUCCESS or FAILURE after {@code processing} (all its attempts). */
    void processed(String kind, Duration processing);

    /** An operator revoked a task (REVOKED). */
    void revoked(String kind);

    /** An operator put a failed task back on the queue. */
    void requeued(String kind);

    /** An attempt ran past its kind's time limit. */
    void timedOut(String kind);

    /** An attempt ignored its interruption (time limit, revocation): its thread was left behind, its slot freed. */
    void abandoned(String kind);

    /** A recurring schedule handled a slot ({@code outcome}), {@code lateness} after the slot's time. */
    void scheduleFired(String schedule, ScheduleRun.Outcome outcome, Duration lateness);

    /** A SCHEDULED task was enqueued, {@code lateness} after its due time. */
    void dueTaskEnqueued(String kind, Duration lateness);

    /** SCHEDULED tasks waiting for their due time, as the last pass of the dispatch counted them. */
    void dueTasksWaiting(long waiting);
}

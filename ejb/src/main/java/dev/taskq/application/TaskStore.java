package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where tasks live (Redis). Every method is atomic: a task is never seen half-written. Implementations throw
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface TaskStore {

    /** Stores a just-accepted task: PENDING, or SCHEDULED with its due time in the store's due set. */
    void create(TaskRecord accepted);

    /** Stores several just-accepted tasks in one atomic step: all of them, or none (the exception). */
    void createAll(List<TaskRecord> accepted);

    /**
     * Claims, in one atomic step, up to {@code max} tasks to enqueue now, by the store's clock: SCHEDULED tasks
     * that have fallen due (each becomes PENDING; due by the caller's clock too, which dates that step), and tasks
     * claimed earlier whose claim is older than {@code claimTimeout} and was never confirmed (the instance died
     * before it published them). Each claimed task is held in the claimed set until {@link #queued} confirms it; any
     * instance may take an expired claim back.
     */
    DueTasks claimDue(String instance, int max, Duration claimTimeout);

    /** The claimed tasks {@code ids} are on the queue: their claims end. */
    void queued(List<String> ids);

    /**
     * What one claim found.
     *
     * @param storeNow the store's clock at the claim
     * @param waiting  SCHEDULED tasks still waiting for their due time
     * @param tasks    the tasks claimed, to enqueue
     */
    record DueTasks(Instant storeNow, long waiting, List<DueTask> tasks) {
    }

    /**
     * A claimed task.
     *
     * @param message what to enqueue
     * @param runAt   its due time (null for a task claimed again after a lost claim of a PENDING task)
     */
    record DueTask(TaskMessage message, Instant runAt) {
    }

    /** Removes a task entirely (used when it could not be enqueued). */
    void delete(String id);

    Optional<TaskRecord> find(String id);

    /** The log lines a task's handler kept, oldest first. */
    List<String> logs(String id);

    /** Answers when the store is reachable; throws {@link StoreUnavailableException} otherwise. */
    void ping();

    /**
     * Starts the next attempt of a task that is not terminal: state STARTED, attempts + 1.
     *
     * @return the attempt number (1-based), or empty when the task is unknown or already terminal
     */
    OptionalInt beginAttempt(String id, Instant now, String instance);

    /** Records that attempt {@code attempt} failed with {@code error} and another attempt follows (state RETRY). */
    void recordRetry(String id, int attempt, String error, Instant now, String instance);

    /**
     * Moves a task to a terminal state with its result or error, exactly once: a compare-and-set that does nothing
     * when the task is already terminal. On SUCCESS the {@code effects} are written in the same step.
     *
     * @return true when this call committed the outcome, false when the task was already terminal (or unknown)
     */
    boolean finish(String id, TaskState terminal, String result, String error, Instant now, String instance,
            List<TaskEffect> effects);

    /** {@link #finish(String, TaskState, String, String, Instant, String, List)} with no effects. */
    default boolean finish(String id, TaskState terminal, String result, String error, Instant now,
            String instance) {
        return finish(id, terminal, result, error, now, instance, List.of());
    }

    /**
     * Writes what running attempts reported (progress, new log lines) in one round trip, and tells which of those
     * tasks an operator revoked meanwhile (or that are gone).
     *
     * @return the ids of the reported tasks that are REVOKED or no longer exist
     */
    Set<String> report(List<AttemptReport> reports, int logLines);

    /**
     * What one running attempt reported since its last report.
     *
     * @param taskId          the task
     * @param progress        the latest progress, or null for no news
     * @param progressMessage what came with it
     * @param logLines        log lines not written yet, oldest first
     */
    record AttemptReport(String taskId, Integer progress, String progressMessage, List<String> logLines) {
    }

    /**
     * An effect a successful attempt recorded: appended to {@code <prefix>:<kind>:<name>:<task id>}.
     *
     * @param kind the task's kind
     * @param name the effect's name
     * @param json a JSON object
     */
    record TaskEffect(String kind, String name, String json) {
    }
}

package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where tasks live (Redis). Every method is atomic: a task is never seen half-written. Implementations throw
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface TaskStore {

    /** Stores a just-accepted task. */
    void create(TaskRecord pending);

    /** Removes a task entirely (used when it could not be enqueued). */
    void delete(String id);

    Optional<TaskRecord> find(String id);

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
     * when the task is already terminal.
     *
     * @return true when this call committed the outcome, false when the task was already terminal (or unknown)
     */
    boolean finish(String id, TaskState terminal, String result, String error, Instant now, String instance);
}

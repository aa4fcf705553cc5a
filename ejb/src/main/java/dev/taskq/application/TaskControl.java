package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's changes to a task in the store, each an atomic compare-and-set. Each returns the state the task
 * was in before (empty for an unknown task): the change was made exactly when that is the state it requires.
 */
public interface TaskControl {

    /**
     * PENDING, STARTED or RETRY → REVOKED: the task will not run again; a worker that takes its message skips it, one
     * that runs it sees the revocation at its next report, interrupts the handler and commits nothing.
     */
    Optional<TaskState> revoke(String id, Instant now, String instance, String detail);

    /** FAILURE → PENDING with its attempts counted afresh and its history kept; the caller enqueues it again. */
    Optional<TaskState> requeue(String id, Instant now, String instance, String detail);

    /** Deletes a terminal (SUCCESS, FAILURE, REVOKED) task with its history. */
    Optional<TaskState> remove(String id);
}

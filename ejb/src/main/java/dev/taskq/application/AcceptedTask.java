package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.time.Instant;

/**
 * A task just accepted.
 *
 * @param id    its id
 * @param state PENDING (queued), or SCHEDULED (waiting for its due time)
 * @param runAt its due time when SCHEDULED, else null
 */
public record AcceptedTask(String id, TaskState state, Instant runAt) {
}

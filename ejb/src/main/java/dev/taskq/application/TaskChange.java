package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.time.Instant;

/** A committed change of a task's state: which task, its new state, and when (the store's time of the change). */
public record TaskChange(String taskId, TaskState state, Instant at) {
}

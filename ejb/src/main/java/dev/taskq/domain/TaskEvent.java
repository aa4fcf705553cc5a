package dev.taskq.domain;

import java.time.Instant;

/**
 * One step of a task's history.
 *
 * @param state    the state entered
 * @param at       when
 * @param attempt  the attempt number (0 before the first attempt)
 * @param instance the taskq instance that made the step
 * @param detail   a result, an error, or nothing
 */
public record TaskEvent(TaskState state, Instant at, int attempt, String instance, String detail) {
}

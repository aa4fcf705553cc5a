package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.time.Instant;

/**
 * A committed change of a task: which task, its state, and when (the store's time of the change). Most are state
 * changes; a <em>report</em> is not: the running attempt reported progress (then {@code progress} and
 * {@code progressMessage} say it) or logged lines, and {@code state} is the state it has meanwhile.
 */
public record TaskChange(String taskId, TaskState state, Instant at, boolean report, Integer progress,
        String progressMessage) {

    /** A change of the task's state to {@code state}. */
    public TaskChange(String taskId, TaskState state, Instant at) {
        this(taskId, state, at, false, null, null);
    }

    /** What a running attempt reported: its progress (null when it only logged lines) and progress message. */
    public static TaskChange reported(String taskId, TaskState state, Instant at, Integer progress, String message) {
        return new TaskChange(taskId, state, at, true, progress, message);
    }

    /** Whether the task reached a state it never leaves by itself (a report is not a change of state). */
    public boolean ended() {
        return !report && state.isTerminal();
    }
}

package dev.taskq.bench.report;

import java.time.Instant;

/**
 * What the load generator saw of one task: when it sent the submission ({@link System#nanoTime()}), when the 202
 * came back, when it first read a terminal state, which state, and the task record's own {@code submitted_at} and
 * {@code finished_at} (the server's clock; null if the status answer has none, as Celery's). Written by the one
 * virtual user that owns the task.
 */
public final class TaskTiming {
    final long submitNanos = System.nanoTime();
    String id;
    long acceptedNanos = -1;
    long settledNanos = -1;
    String state;
    Instant serverSubmittedAt;
    Instant serverFinishedAt;

    /** The server answered 202 with the task's id. */
    public void accepted(String taskId) {
        acceptedNanos = System.nanoTime();
        id = taskId;
    }

    public String id() {
        return id;
    }

    /** A status read found the task terminal; {@code submittedAt} and {@code finishedAt} may be null (absent). */
    public void settled(String terminalState, String submittedAt, String finishedAt) {
        settledNanos = System.nanoTime();
        state = terminalState;
        serverSubmittedAt = submittedAt == null ? null : Instant.parse(submittedAt);
        serverFinishedAt = finishedAt == null ? null : Instant.parse(finishedAt);
    }

    /** Whether the task record gave both server times. */
    boolean hasServerTimes() {
        return serverSubmittedAt != null && serverFinishedAt != null;
    }

    public boolean isAccepted() {
        return acceptedNanos >= 0;
    }

    public boolean isSettled() {
        return settledNanos >= 0;
    }

    /** Seconds since the submission was sent. */
    public double ageSeconds() {
        return (System.nanoTime() - submitNanos) / 1e9;
    }
}

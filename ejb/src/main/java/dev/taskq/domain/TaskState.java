package dev.taskq.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of a task, defined here once: SCHEDULED (accepted, waiting in the store for its due time; delayed tasks
 * and the runs of recurring schedules start here) → PENDING (accepted, queued) → STARTED (a worker runs an attempt) → RETRY (an
 * attempt failed, another follows) → STARTED … → SUCCESS or FAILURE. REVOKED is a task an operator cancelled: before
 * it started (also while SCHEDULED), or while it runs or waits for its next attempt. The Redis scripts get their lists of states from here
 * ({@code RedisTaskIndex}), so no script names a state set by hand.
 */
public enum TaskState {
    SCHEDULED,
    PENDING,
    STARTED,
    RETRY,
    SUCCESS,
    FAILURE,
    REVOKED;

    private static final Set<TaskState> TERMINAL = EnumSet.of(SUCCESS, FAILURE, REVOKED);

    /** A terminal state is final: no worker changes it again. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether a task in this state may move to {@code next}. */
    public boolean canMoveTo(TaskState next) {
        return switch (this) {
            // STARTED → STARTED: the worker that ran the attempt died and another one runs it again
            case SCHEDULED -> next == PENDING || next == REVOKED;
            case PENDING -> next == STARTED || next == REVOKED;
            case STARTED -> next == STARTED || next == RETRY || next == SUCCESS || next == FAILURE || next == REVOKED;
            case RETRY -> next == STARTED || next == FAILURE || next == REVOKED;
            case SUCCESS, FAILURE, REVOKED -> false;
        };
    }

    /** Whether an operator may put a task in this state back on the queue (FAILURE → PENDING, history kept). */
    public boolean canBeRequeued() {
        return this == FAILURE;
    }

    /** The terminal states, in declaration order. */
    public static List<TaskState> terminal() {
        return List.copyOf(TERMINAL);
    }

    /** The states from which a task may move to {@code next}, in declaration order. */
    public static List<TaskState> from(TaskState next) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(next)).toList();
    }
}

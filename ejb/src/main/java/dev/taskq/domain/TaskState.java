package dev.taskq.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a task: PENDING (accepted, queued) → STARTED (a worker runs an attempt) → RETRY (an attempt
 * failed, another follows) → STARTED … → SUCCESS or FAILURE. REVOKED is a task cancelled before it started.
 */
public enum TaskState {
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
            case PENDING -> next == STARTED || next == REVOKED;
            case STARTED -> next == STARTED || next == RETRY || next == SUCCESS || next == FAILURE;
            case RETRY -> next == STARTED || next == FAILURE;
            case SUCCESS, FAILURE, REVOKED -> false;
        };
    }
}

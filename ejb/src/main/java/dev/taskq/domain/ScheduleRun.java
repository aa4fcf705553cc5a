package dev.taskq.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One slot of a recurring schedule, as it went: fired (a task was made), or skipped, and why.
 *
 * @param slot     the slot's time (for a manual trigger: when it was asked for)
 * @param firedAt  when an instance handled it (Redis's clock)
 * @param outcome  what happened
 * @param taskId   the task it made, or null when skipped
 * @param instance the instance that handled it
 * @param missed   slots missed before it (with a catch-up run or a skip of missed slots), else 0
 */
public record ScheduleRun(Instant slot, Instant firedAt, Outcome outcome, String taskId, String instance,
        int missed) {

    /** What became of a slot. */
    public enum Outcome {
        /** Fired in time: a task was made. */
        FIRED,
        /** Fired after missed slots (policy fire-once): one task for all of them. */
        CATCH_UP,
        /** An operator asked for a run now. */
        TRIGGERED,
        /** Not fired: the previous run had not finished (skip-if-running). */
        SKIPPED_OVERLAP,
        /** Not fired: missed while no instance ran (policy skip). */
        SKIPPED_MISSED;

        /** Whether a task was made. */
        public boolean madeTask() {
            return this == FIRED || this == CATCH_UP || this == TRIGGERED;
        }
    }

    /** How long after its slot it was handled. */
    public Duration lateness() {
        return slot == null || firedAt == null ? Duration.ZERO : Duration.between(slot, firedAt);
    }
}

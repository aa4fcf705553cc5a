package dev.taskq.application;

import dev.taskq.domain.Schedule;
import java.time.Instant;

/**
 * A recurring schedule as the store holds it: its definition and where it stands.
 *
 * @param schedule  the definition
 * @param lastSlot  the last slot handled, or when it was created or resumed (no slot before counts); null if never
 * @param nextRun   its next slot, or null while paused
 */
public record StoredSchedule(Schedule schedule, Instant lastSlot, Instant nextRun) {

    public String id() {
        return schedule.id();
    }
}

package dev.taskq.application;

import dev.taskq.domain.Schedule;
import java.time.Instant;

/**
 * A recurring schedule as the store holds it: its definition and where it stands.
 *
 * @param schedule  the definition
 * @param lastSlot  the last slot handled, or when it was created or resumed (no slot before counts); null if never
 * @param lastTask  the task its last fired slot made, or null
 * @param nextRun   its next slot, or null while paused
 * @param createdAt when it was first stored
 * @param updatedAt when its definition last changed
 */
public record StoredSchedule(Schedule schedule, Instant lastSlot, String lastTask, Instant nextRun,
        Instant createdAt, Instant updatedAt) {

    public String id() {
        return schedule.id();
    }
}

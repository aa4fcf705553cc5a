package dev.taskq.application;

import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.ScheduleSlots.Decision;
import dev.taskq.domain.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where recurring schedules and their runs live (Redis). Each change is one atomic step; a slot is handled at most
 * once across every instance by a compare-and-set on the schedule's last slot ({@link #fire}). Times are the
 * store's clock, so instances whose clocks differ agree on what is due. Implementations throw
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface ScheduleStore {

    /** The store's clock. */
    Instant now();

    /** Every schedule, by id. */
    List<StoredSchedule> all();

    Optional<StoredSchedule> find(String id);

    /**
     * Stores a new schedule; slots from {@code now} on count.
     *
     * @return false when one with its id exists (nothing changed)
     */
    boolean create(Schedule schedule, Instant now, Instant nextRun);

    /**
     * Replaces an existing schedule's definition and keeps where it stands; one that is enabled again counts slots
     * from {@code now} on.
     *
     * @return false when there is no schedule with its id
     */
    boolean replace(Schedule schedule, Instant now, Instant nextRun);

    /**
     * Stores a schedule from configuration: a new one as {@link #create}; an existing one gets the definition and
     * keeps its enabled flag (an operator's pause outlives a restart) and where it stands.
     */
    void upsert(Schedule schedule, Instant now, Instant nextRun);

    /** Removes a schedule and its runs; false when there was none. The tasks it made stay. */
    boolean delete(String id);

    /**
     * Pauses or resumes a schedule; a resumed one counts slots from {@code now} on (no catch-up for a pause).
     *
     * @return the schedule as it is now, or empty when there is none
     */
    Optional<StoredSchedule> setEnabled(String id, boolean enabled, Instant now, Instant nextRun);

    /**
     * The enabled schedules whose next slot is at or before the store's clock.
     *
     * @param max at most this many
     */
    DueSchedules due(int max);

    /**
     * Moves a schedule whose slot was not due after all (the next slot was read too early) to {@code nextRun}.
     */
    void reschedule(String id, Instant nextRun);

    /**
     * Handles a due slot, exactly once across all instances: when the schedule is still enabled and its last slot
     * is still {@code seen.lastSlot()}, records {@code decision.slot()} as handled, sets its next run, and — unless
     * the decision is a skip, or the schedule skips while its previous task is active and it is — stores
     * {@code task} (SCHEDULED, due at the slot) for the due-task dispatch to enqueue. All of it one atomic step.
     *
     * @return the run as recorded, or empty when another instance handled the slot first (nothing changed)
     */
    Optional<ScheduleRun> fire(StoredSchedule seen, Decision decision, Instant nextRun, TaskRecord task,
            String instance);

    /** Makes {@code task} (SCHEDULED, due now) for the schedule at once, outside its slots, and records the run. */
    Optional<ScheduleRun> trigger(String id, TaskRecord task, String instance);

    /** The schedule's last runs, newest first. */
    List<ScheduleRun> runs(String id, int max);

    /**
     * The schedules found due.
     *
     * @param storeNow the store's clock when they were read
     * @param ids      their ids
     */
    record DueSchedules(Instant storeNow, List<String> ids) {
    }
}

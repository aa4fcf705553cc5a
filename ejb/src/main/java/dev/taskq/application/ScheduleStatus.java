package dev.taskq.application;

import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recurring schedule as the dashboard and the admin API show it.
 *
 * @param schedule    the definition
 * @param cronInWords its cron expression said in words
 * @param nextRun     its next slot (null while paused)
 * @param lastSlot    the last slot handled (or when it was created or resumed)
 * @param runs        its last runs, newest first, each with its task's state now
 * @param late        whether its last run fired later than {@code taskq.scheduling.late-after-ms} after its slot,
 *                    or its next slot is overdue by more than that
 * @param overlapping whether its last slot was skipped because the run before had not finished, or its last run's
 *                    task and an earlier one's are active at once
 */
public record ScheduleStatus(Schedule schedule, String cronInWords, Instant nextRun, Instant lastSlot,
        List<RunStatus> runs, boolean late, boolean overlapping) {

    /**
     * One run and its task as it is now.
     *
     * @param run       the run
     * @param taskState its task's state, or null (no task, or it expired)
     */
    public record RunStatus(ScheduleRun run, TaskState taskState) {
    }

    static ScheduleStatus of(StoredSchedule stored, List<RunStatus> runs, Instant now, Duration lateAfter) {
        Schedule schedule = stored.schedule();
        RunStatus last = runs.isEmpty() ? null : runs.get(0);
        boolean lateRun = last != null && last.run().outcome() != ScheduleRun.Outcome.TRIGGERED
                && last.run().lateness().compareTo(lateAfter) > 0;
        boolean overdue = schedule.enabled() && stored.nextRun() != null
                && Duration.between(stored.nextRun(), now).compareTo(lateAfter) > 0;
        boolean overlapping = last != null && (last.run().outcome() == ScheduleRun.Outcome.SKIPPED_OVERLAP
                || (active(last) && runs.stream().skip(1).anyMatch(ScheduleStatus::active)));
        return new ScheduleStatus(schedule, schedule.cron().describe(), schedule.enabled() ? stored.nextRun() : null,
                stored.lastSlot(), runs, lateRun || overdue, overlapping);
    }

    private static boolean active(RunStatus run) {
        return run.taskState() != null && !run.taskState().isTerminal();
    }
}

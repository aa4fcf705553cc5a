package dev.taskq.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule for which slot of a schedule is due now and what to do with it, given the last slot handled. A slot
 * is handled once (the store's compare-and-set on the last slot), so this only decides, and any instance may ask.
 * <ul>
 * <li>The latest slot at or before now, when it is after the last one handled, is due.</li>
 * <li>It is in time when it is the very next slot after the last one and at most {@code grace} old: it fires.</li>
 * <li>Otherwise slots were missed (no instance ran, or the schedule could not fire within {@code grace}). With
 * {@link MissedRuns#FIRE_ONCE} one catch-up task fires for all of them; with {@link MissedRuns#SKIP} they are
 * skipped, and the latest still fires when it is itself within {@code grace}.</li>
 * </ul>
 */
public final class ScheduleSlots {
    private ScheduleSlots() {
    }

    /**
     * What to do now.
     *
     * @param schedule the schedule
     * @param lastSlot the last slot handled (or when the schedule was created or resumed: nothing before counts)
     * @param now      the store's clock
     * @param grace    how late a slot may be and still count as in time
     * @return the decision, or empty when no slot is due
     */
    public static Optional<Decision> due(Schedule schedule, Instant lastSlot, Instant now, Duration grace) {
        Optional<Instant> latest = schedule.cron().latestAtOrBefore(now);
        if (latest.isEmpty() || (lastSlot != null && !latest.get().isAfter(lastSlot))) {
            return Optional.empty();
        }
        Instant slot = latest.get();
        boolean inTime = Duration.between(slot, now).compareTo(grace) <= 0;
        int missed = lastSlot == null ? 0 : missedBetween(schedule.cron(), lastSlot, slot);
        if (missed == 0 && inTime) {
            return Optional.of(new Decision(slot, ScheduleRun.Outcome.FIRED, 0));
        }
        int missedWithThis = inTime ? missed : missed + 1;
        if (schedule.missedRuns() == MissedRuns.FIRE_ONCE) {
            return Optional.of(new Decision(slot, ScheduleRun.Outcome.CATCH_UP, missedWithThis));
        }
        return Optional.of(new Decision(slot, inTime ? ScheduleRun.Outcome.FIRED : ScheduleRun.Outcome.SKIPPED_MISSED,
                missedWithThis));
    }

    /** Slots strictly between {@code after} and {@code before}, counted up to 1000. */
    private static int missedBetween(ScheduleCron cron, Instant after, Instant before) {
        int count = 0;
        Optional<Instant> next = cron.nextAfter(after);
        while (next.isPresent() && next.get().isBefore(before) && count < 1000) {
            count++;
            next = cron.nextAfter(next.get());
        }
        return count;
    }

    /**
     * What to do with a due slot.
     *
     * @param slot    the slot
     * @param outcome FIRED, CATCH_UP or SKIPPED_MISSED (the store may still turn a fire into SKIPPED_OVERLAP)
     * @param missed  the slots missed that this decision covers
     */
    public record Decision(Instant slot, ScheduleRun.Outcome outcome, int missed) {
    }
}

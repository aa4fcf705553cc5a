package dev.taskq.interfaces.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.ScheduleStatus;
import dev.taskq.application.ScheduleStatus.RunStatus;
import dev.taskq.domain.MissedRuns;
import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleCron;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.ScheduleRun.Outcome;
import dev.taskq.domain.TaskState;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A schedule as the Schedules page shows it: its definition in words, its badges and its runs. */
class ShownScheduleTest {
    private static final Instant SLOT = Instant.parse("2026-12-02T10:00:00Z");

    private static Schedule schedule(boolean enabled) {
        return new Schedule("nightly", "Nightly reverse", ScheduleCron.parse("*/2 * * * * *", ZoneId.of("UTC")),
                "reverse", JsonValue.EMPTY_JSON_OBJECT, enabled, MissedRuns.SKIP, true, Schedule.Source.API);
    }

    @Test
    void aRunningScheduleShowsItsCronInWordsItsNextRunAndItsRunsWithTheirTasks() {
        List<RunStatus> runs = List.of(
                new RunStatus(new ScheduleRun(SLOT.plusSeconds(2), SLOT.plusSeconds(2).plusMillis(35), Outcome.FIRED,
                        "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001", "micro-it", 0), TaskState.SUCCESS),
                new RunStatus(new ScheduleRun(SLOT, SLOT.plusMillis(2400), Outcome.SKIPPED_OVERLAP, null, "micro-it",
                        0), null));
        ShownSchedule shown = ShownSchedule.of(new ScheduleStatus(schedule(true), "every 2 seconds",
                SLOT.plusSeconds(4), SLOT.plusSeconds(2), runs, true, false), Optional.empty());

        assertThat(shown.getId()).isEqualTo("nightly");
        assertThat(shown.isNamed()).isTrue();
        assertThat(shown.getCron()).isEqualTo("*/2 * * * * *");
        assertThat(shown.getCronInWords()).isEqualTo("every 2 seconds");
        assertThat(shown.getZone()).isEqualTo("UTC");
        assertThat(shown.getKindLabel()).as("an unknown kind: its name").isEqualTo("reverse");
        assertThat(shown.getStatusLabel()).isEqualTo("enabled");
        assertThat(shown.getStatusBadgeClass()).contains("bg-success-subtle");
        assertThat(shown.getMissedRuns()).isEqualTo("skip");
        assertThat(shown.getNextRun()).isEqualTo(SLOT.plusSeconds(4));
        assertThat(shown.isLate()).isTrue();
        assertThat(shown.isOverlapping()).isFalse();

        ShownSchedule.Run fired = shown.getRuns().get(0);
        assertThat(fired.getOutcome()).isEqualTo("FIRED");
        assertThat(fired.isMadeTask()).isTrue();
        assertThat(fired.getLateness()).isEqualTo("35 ms");
        assertThat(fired.getTaskBadgeLabel()).isEqualTo("SUCCESS");
        assertThat(fired.getTaskBadgeClass()).contains("bg-success-subtle");
        ShownSchedule.Run skipped = shown.getRuns().get(1);
        assertThat(skipped.isMadeTask()).as("a skipped slot made no task").isFalse();
        assertThat(skipped.getLateness()).isEqualTo("2.4 s");
        assertThat(skipped.getTaskState()).isNull();
    }

    @Test
    void aPausedScheduleSaysSoAndHasNoNextRun() {
        ShownSchedule shown = ShownSchedule.of(new ScheduleStatus(schedule(false), "every 2 seconds", null, SLOT,
                List.of(), false, true), Optional.empty());

        assertThat(shown.isEnabled()).isFalse();
        assertThat(shown.getStatusLabel()).isEqualTo("paused");
        assertThat(shown.getNextRun()).isNull();
        assertThat(shown.isOverlapping()).isTrue();
        assertThat(shown.getRuns()).isEmpty();
    }

    @Test
    void latenessIsSaidInTheUnitThatFitsIt() {
        assertThat(ShownSchedule.durationText(Duration.ofMillis(-5))).isEqualTo("0 ms");
        assertThat(ShownSchedule.durationText(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(ShownSchedule.durationText(Duration.ofMillis(1050))).isEqualTo("1.1 s");
        assertThat(ShownSchedule.durationText(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(ShownSchedule.durationText(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}

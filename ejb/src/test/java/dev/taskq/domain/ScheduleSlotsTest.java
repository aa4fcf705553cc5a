package dev.taskq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.domain.ScheduleRun.Outcome;
import dev.taskq.domain.ScheduleSlots.Decision;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleSlotsTest {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    private static Schedule everyTwoSeconds(MissedRuns policy) {
        return new Schedule("s", "s", ScheduleCron.parse("*/2 * * * * *", ZoneOffset.UTC), "reverse",
                JsonValue.EMPTY_JSON_OBJECT, true, policy, false, Schedule.Source.API);
    }

    @Test
    void theNextSlotFiresOnceInTimeAndNotAgain() {
        Schedule schedule = everyTwoSeconds(MissedRuns.FIRE_ONCE);
        assertThat(ScheduleSlots.due(schedule, T, T.plusMillis(1900), GRACE)).isEmpty();
        assertThat(ScheduleSlots.due(schedule, T, T.plusMillis(2150), GRACE))
                .contains(new Decision(T.plusSeconds(2), Outcome.FIRED, 0));
        assertThat(ScheduleSlots.due(schedule, T.plusSeconds(2), T.plusMillis(2150), GRACE)).isEmpty();
    }

    @Test
    void afterDowntimeFireOnceMakesOneCatchUpAndSkipMakesNone() {
        Instant back = T.plusSeconds(20).plusMillis(300);
        assertThat(ScheduleSlots.due(everyTwoSeconds(MissedRuns.FIRE_ONCE), T, back, GRACE))
                .contains(new Decision(T.plusSeconds(20), Outcome.CATCH_UP, 9));
        assertThat(ScheduleSlots.due(everyTwoSeconds(MissedRuns.SKIP), T, back, GRACE))
                .as("the latest slot is in time: it fires, the missed ones are skipped")
                .contains(new Decision(T.plusSeconds(20), Outcome.FIRED, 9));
        Schedule daily = new Schedule("d", "d", ScheduleCron.parse("0 3 * * *", ZoneOffset.UTC), "reverse",
                JsonValue.EMPTY_JSON_OBJECT, true, MissedRuns.SKIP, false, Schedule.Source.API);
        assertThat(ScheduleSlots.due(daily, T.minus(Duration.ofDays(2)), T, GRACE))
                .contains(new Decision(Instant.parse("2026-12-02T03:00:00Z"), Outcome.SKIPPED_MISSED, 2));
    }

    @Test
    void aCronHasFiveOrSixFieldsAndSaysWhatIsWrong() {
        ScheduleCron cron = ScheduleCron.parse("30 2 * * 1-5", ZoneId.of("Europe/Berlin"));
        assertThat(cron.nextAfter(T)).contains(Instant.parse("2026-12-03T01:30:00Z"));
        assertThat(cron.latestAtOrBefore(Instant.parse("2026-12-03T01:30:00.400Z")))
                .contains(Instant.parse("2026-12-03T01:30:00Z"));
        assertThat(ScheduleCron.parse("*/2 * * * * *", ZoneOffset.UTC).describe()).isEqualTo("every 2 seconds");
        assertThatThrownBy(() -> ScheduleCron.parse("61 * * * *", ZoneOffset.UTC))
                .hasMessageContaining("61 not in range");
        assertThatThrownBy(() -> ScheduleCron.parse("* * *", ZoneOffset.UTC)).hasMessageContaining("has 3 fields");
        assertThat(MissedRuns.of(null)).isEqualTo(MissedRuns.FIRE_ONCE);
        assertThatThrownBy(() -> MissedRuns.of("twice")).hasMessage("must be one of: fire-once, skip");
        assertThat(Optional.of(MissedRuns.of("SKIP"))).contains(MissedRuns.SKIP);
    }
}

package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskWaitServiceTest {

    private final TaskWaitService waits = new TaskWaitService();

    {
        waits.maxWait = Duration.ofSeconds(60);
    }

    @Test
    void waitIsAnIsoDurationOrSecondsCutToTheLongestAllowed() {
        assertThat(waits.waitTime("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThat(waits.waitTime("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(waits.waitTime("PT0S")).isEqualTo(Duration.ZERO);
        assertThat(waits.waitTime("PT5M")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anUnreadableOrNegativeWaitIsRefusedSayingWhy() {
        assertThatThrownBy(() -> waits.waitTime("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> waits.waitTime("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> waits.waitTime("-PT1S")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void changesHeardWhileTheCurrentStatesAreReadFollowThem() {
        List<TaskState> told = new ArrayList<>();
        TaskWaitService.HeldUntilReleased ordered = new TaskWaitService.HeldUntilReleased(c -> told.add(c.state()));
        ordered.accept(new TaskChange("t", TaskState.SUCCESS, Instant.now()));
        told.add(TaskState.STARTED); // the current state, told while the change was held

        ordered.release();
        ordered.accept(new TaskChange("t", TaskState.REVOKED, Instant.now()));

        assertThat(told).containsExactly(TaskState.STARTED, TaskState.SUCCESS, TaskState.REVOKED);
    }
}

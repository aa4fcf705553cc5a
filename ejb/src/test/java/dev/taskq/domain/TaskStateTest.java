package dev.taskq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.api.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void onlySuccessFailureAndRevokedAreTerminal() {
        assertThat(TaskState.values()).filteredOn(TaskState::isTerminal)
                .containsExactlyInAnyOrder(TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED);
        assertThat(TaskState.terminal()).containsExactly(TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED);
    }

    @Test
    void aTaskGoesFromPendingThroughRetriesToAnOutcome() {
        assertThat(TaskState.PENDING.canMoveTo(TaskState.STARTED)).isTrue();
        assertThat(TaskState.STARTED.canMoveTo(TaskState.RETRY)).isTrue();
        assertThat(TaskState.RETRY.canMoveTo(TaskState.STARTED)).isTrue();
        assertThat(TaskState.STARTED.canMoveTo(TaskState.SUCCESS)).isTrue();
        assertThat(TaskState.RETRY.canMoveTo(TaskState.FAILURE)).isTrue();
    }

    @Test
    void anOperatorMayRevokeATaskThatHasNotFinished() {
        assertThat(TaskState.from(TaskState.REVOKED))
                .containsExactly(TaskState.SCHEDULED, TaskState.PENDING, TaskState.STARTED, TaskState.RETRY);
    }

    @Test
    void aScheduledTaskIsQueuedWhenDueOrRevokedAndNeverStartsWithoutBeingQueued() {
        assertThat(TaskState.SCHEDULED.canMoveTo(TaskState.PENDING)).isTrue();
        assertThat(TaskState.SCHEDULED.canMoveTo(TaskState.STARTED)).isFalse();
        assertThat(TaskState.from(TaskState.PENDING)).containsExactly(TaskState.SCHEDULED);
        assertThat(TaskState.SCHEDULED.isTerminal()).isFalse();
    }

    @Test
    void nothingLeavesATerminalStateAndNothingSkipsStarting() {
        for (TaskState terminal : TaskState.terminal()) {
            for (TaskState next : TaskState.values()) {
                assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isFalse();
            }
        }
        assertThat(TaskState.PENDING.canMoveTo(TaskState.SUCCESS)).isFalse();
        assertThat(TaskState.from(TaskState.SUCCESS)).containsExactly(TaskState.STARTED);
        assertThat(TaskState.from(TaskState.STARTED)).containsExactly(TaskState.PENDING, TaskState.STARTED,
                TaskState.RETRY);
    }

    @Test
    void theDefaultPolicyRetriesThreeTimesAfterTheSamePause() {
        TaskPolicy policy = new TaskPolicy(TaskPolicy.DEFAULT_RETRIES, Duration.ofSeconds(5), Backoff.FIXED,
                Duration.ofMinutes(5), null, TaskPolicy.DEFAULT_QUEUE, true);
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.willRetryAfter(3)).isTrue();
        assertThat(policy.willRetryAfter(4)).isFalse();
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anExponentialBackOffDoublesUpToItsCeiling() {
        TaskPolicy policy = new TaskPolicy(5, Duration.ofSeconds(1), Backoff.EXPONENTIAL, Duration.ofSeconds(5),
                Duration.ofSeconds(30), "images", false);
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
    }
}

package dev.taskq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void onlySuccessFailureAndRevokedAreTerminal() {
        assertThat(TaskState.values()).filteredOn(TaskState::isTerminal)
                .containsExactlyInAnyOrder(TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED);
    }

    @Test
    void aTaskGoesFromPendingThroughRetriesToAnOutcome() {
        assertThat(TaskState.PENDING.canMoveTo(TaskState.STARTED)).isTrue();
        assertThat(TaskState.STARTED.canMoveTo(TaskState.RETRY)).isTrue();
        assertThat(TaskState.RETRY.canMoveTo(TaskState.STARTED)).isTrue();
        assertThat(TaskState.STARTED.canMoveTo(TaskState.SUCCESS)).isTrue();
        assertThat(TaskState.RETRY.canMoveTo(TaskState.FAILURE)).isTrue();
        assertThat(TaskState.PENDING.canMoveTo(TaskState.REVOKED)).isTrue();
    }

    @Test
    void nothingLeavesATerminalStateAndNothingSkipsStarting() {
        for (TaskState terminal : new TaskState[] {TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED}) {
            for (TaskState next : TaskState.values()) {
                assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isFalse();
            }
        }
        assertThat(TaskState.PENDING.canMoveTo(TaskState.SUCCESS)).isFalse();
        assertThat(TaskState.STARTED.canMoveTo(TaskState.REVOKED)).isFalse();
    }

    @Test
    void aFailedAttemptIsRetriedThreeTimes() {
        assertThat(RetryPolicy.willRetryAfter(1)).isTrue();
        assertThat(RetryPolicy.willRetryAfter(3)).isTrue();
        assertThat(RetryPolicy.willRetryAfter(4)).isFalse();
        assertThat(RetryPolicy.MAX_ATTEMPTS).isEqualTo(4);
    }
}

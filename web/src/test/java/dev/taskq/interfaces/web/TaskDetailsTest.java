package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskQueryService;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import dev.taskq.interfaces.web.dashboard.DashboardTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details pages (public and the dashboard's): the task with its progress and log lines, and what may be done. */
class TaskDetailsTest {
    private static final String ID = "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001";

    private final Map<String, TaskRecord> store = new HashMap<>();
    private final Map<String, List<String>> logs = new HashMap<>();
    private boolean storeDown;
    private Instant now = Tasks.AT.plusSeconds(1);

    private <T extends TaskDetails> T reading(T details) {
        details.kinds = Kinds.ALL;
        details.clock = Clock.fixed(now, ZoneOffset.UTC);
        details.queries = new TaskQueryService() {
            @Override
            public Optional<TaskRecord> find(String id) {
                if (storeDown) {
                    throw new StoreUnavailableException("down");
                }
                return Optional.ofNullable(store.get(id));
            }

            @Override
            public Optional<List<String>> logs(String id) {
                return find(id).map(t -> logs.getOrDefault(id, List.of()));
            }
        };
        details.setId(ID);
        return details;
    }

    private void stored(TaskState state, Integer progress, String message, String... lines) {
        store.put(ID, Tasks.task(ID, "resize", TestJson.object("url", "http://x"), state, 1, null, null, progress,
                message));
        logs.put(ID, new ArrayList<>(List.of(lines)));
    }

    @Test
    void aRunningTaskShowsItsProgressAndLogLinesAndStaysLiveUntilItEnds() {
        TaskDetails details = reading(new TaskDetails());
        stored(TaskState.STARTED, 50, "step 1 of 2", "fetched <b>x</b>");

        details.read();

        assertThat(details.getTask().getProgressText()).isEqualTo("50% · step 1 of 2");
        assertThat(details.getLogs()).containsExactly("fetched <b>x</b>");
        assertThat(details.isLive()).isTrue();

        stored(TaskState.SUCCESS, 100, "step 2 of 2", "fetched <b>x</b>", "resized");
        details.read();
        assertThat(details.getLogs()).containsExactly("fetched <b>x</b>", "resized");
        assertThat(details.isLive()).isFalse();
    }

    @Test
    void aRevokedTaskThatWasRunningIsReadAFewSecondsMoreForTheLinesItsHandlerLogsAsItStops() {
        stored(TaskState.REVOKED, 30, "step 3 of 10", "goats 3");
        TaskDetails details = reading(new TaskDetails());
        details.read();
        assertThat(details.isLive()).as("just revoked").isTrue();

        now = Tasks.AT.plus(TaskDetails.STOPPING);
        details = reading(new TaskDetails());
        details.read();
        assertThat(details.isLive()).isFalse();

        now = Tasks.AT.plusSeconds(1);
        store.put(ID, Tasks.task(ID, "resize", TestJson.object(), TaskState.REVOKED, 0, null, null, null, null));
        details = reading(new TaskDetails());
        details.read();
        assertThat(details.isLive()).as("a task revoked before it started has nothing to stop").isFalse();
        assertThat(reading(new TaskDetails()).isLive()).as("nothing read yet").isFalse();
    }

    @Test
    void aTaskWithoutLogLinesOrAnUnknownTaskHasNone() {
        TaskDetails details = reading(new TaskDetails());
        details.read();
        assertThat(details.getTask()).isNull();
        assertThat(details.getLogs()).isEmpty();

        stored(TaskState.PENDING, null, null);
        details.read();
        assertThat(details.getLogs()).isEmpty();
        assertThat(details.getTask().isHasProgress()).isFalse();
    }

    @Test
    void whenTheStoreIsDownWhatWasShownStaysAndThePageKeepsTrying() {
        TaskDetails details = reading(new TaskDetails());
        stored(TaskState.STARTED, 10, "a", "line");
        details.read();
        storeDown = true;

        details.read();

        assertThat(details.isStoreUnavailable()).isTrue();
        assertThat(details.getLogs()).containsExactly("line");
        assertThat(details.isLive()).isTrue();
    }

    @Test
    void anOperatorMayCancelAScheduledAWaitingARunningOrARetryingTaskAndRequeueOnlyAFailedOne() {
        DashboardTask task = reading(new DashboardTask());
        for (TaskState state : TaskState.values()) {
            stored(state, null, null);
            ((TaskDetails) task).read();
            assertThat(task.isCancellable()).as("cancel offered for " + state)
                    .isEqualTo(List.of(TaskState.SCHEDULED, TaskState.PENDING, TaskState.STARTED, TaskState.RETRY)
                            .contains(state));
            assertThat(task.isRequeueable()).as("requeue offered for " + state).isEqualTo(state == TaskState.FAILURE);
            assertThat(task.isDeletable()).as("delete offered for " + state).isEqualTo(state.isTerminal());
        }
    }
}

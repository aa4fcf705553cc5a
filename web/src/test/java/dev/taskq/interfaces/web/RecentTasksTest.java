package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskQueryService;
import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import dev.taskq.domain.TextTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentTasksTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final TaskInput TEXT = new TextTask(TaskKind.REVERSE, "abc");

    private final Map<String, TaskRecord> store = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private boolean storeDown;
    private final RecentTasks recent = new RecentTasks();

    RecentTasksTest() {
        recent.queries = new TaskQueryService() {
            @Override
            public Optional<TaskRecord> find(String id) {
                if (storeDown) {
                    throw new StoreUnavailableException("down");
                }
                reads.add(id);
                return Optional.ofNullable(store.get(id));
            }
        };
    }

    private static TaskRecord finished(String id) {
        TaskRecord pending = TaskRecord.pending(id, TEXT, AT, "i");
        return new TaskRecord(id, pending.kind(), pending.parameters(), TaskState.SUCCESS, "cba", null, 1, AT, AT, AT,
                pending.history());
    }

    @Test
    void keepsTheLastTwentyTasksNewestFirst() {
        IntStream.rangeClosed(1, 25).forEach(i -> recent.add(ShownTask.submitted("t" + i, TEXT, AT)));

        assertThat(recent.getTasks()).hasSize(RecentTasks.KEPT).first().extracting(ShownTask::getId)
                .isEqualTo("t25");
        assertThat(recent.getTasks().get(RecentTasks.KEPT - 1).getId()).isEqualTo("t6");
    }

    @Test
    void aRefreshReadsOnlyUnfinishedTasksAndDropsThoseTheStoreForgot() {
        recent.add(ShownTask.submitted("gone", TEXT, AT));
        recent.add(ShownTask.submitted("done", TEXT, AT));
        store.put("done", finished("done"));

        recent.refresh();
        assertThat(recent.getTasks()).extracting(ShownTask::getId).containsExactly("done");
        assertThat(recent.getTasks().get(0).getOutcomeSummary()).isEqualTo("cba");
        assertThat(recent.isLive()).isFalse();

        reads.clear();
        recent.refresh();
        assertThat(reads).as("finished tasks are not read again").isEmpty();
    }

    @Test
    void whenTheStoreIsDownTheTableKeepsWhatItShowsAndSaysSo() {
        recent.add(ShownTask.submitted("t1", TEXT, AT));
        storeDown = true;

        recent.refresh();

        assertThat(recent.isStoreUnavailable()).isTrue();
        assertThat(recent.isLive()).as("keeps trying").isTrue();
        assertThat(recent.getTasks()).extracting(ShownTask::getBadgeLabel).containsExactly("PENDING");

        storeDown = false;
        store.put("t1", finished("t1"));
        recent.refresh();
        assertThat(recent.isStoreUnavailable()).isFalse();
        assertThat(recent.getTasks()).extracting(ShownTask::getBadgeLabel).containsExactly("SUCCESS");
    }
}

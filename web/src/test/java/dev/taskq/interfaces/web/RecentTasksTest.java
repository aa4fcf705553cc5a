package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskQueryService;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentTasksTest {
    private static final TaskKind REVERSE = Kinds.kind("reverse");
    private static final Map<String, String> TEXT = Map.of("text", "abc");

    private final Map<String, TaskRecord> store = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private boolean storeDown;
    private final RecentTasks recent = new RecentTasks();

    RecentTasksTest() {
        recent.kinds = Kinds.ALL;
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

    private static ShownTask submitted(String id) {
        return ShownTask.submitted(id, REVERSE, TEXT, Tasks.AT);
    }

    @Test
    void keepsTheLastTwentyTasksNewestFirst() {
        IntStream.rangeClosed(1, 25).forEach(i -> recent.add(submitted("t" + i)));

        assertThat(recent.getTasks()).hasSize(RecentTasks.KEPT).first().extracting(ShownTask::getId)
                .isEqualTo("t25");
        assertThat(recent.getTasks().get(RecentTasks.KEPT - 1).getId()).isEqualTo("t6");
    }

    @Test
    void aRefreshShowsTheProgressOfARunningTask() {
        recent.add(submitted("t1"));
        store.put("t1", Tasks.task("t1", "reverse", TestJson.object("text", "abc"), TaskState.STARTED, 1, null,
                null, 60, "step 3 of 5"));

        recent.refresh();

        assertThat(recent.getTasks()).singleElement().satisfies(task -> {
            assertThat(task.getBadgeLabel()).isEqualTo("STARTED");
            assertThat(task.getProgressText()).isEqualTo("60% · step 3 of 5");
        });
        assertThat(recent.isLive()).isTrue();
    }

    @Test
    void aRefreshReadsOnlyUnfinishedTasksAndDropsThoseTheStoreForgot() {
        recent.add(submitted("gone"));
        recent.add(submitted("done"));
        store.put("done", Tasks.reverse("done", TaskState.SUCCESS, "cba"));

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
        recent.add(submitted("t1"));
        storeDown = true;

        recent.refresh();

        assertThat(recent.isStoreUnavailable()).isTrue();
        assertThat(recent.isLive()).as("keeps trying").isTrue();
        assertThat(recent.getTasks()).extracting(ShownTask::getBadgeLabel).containsExactly("PENDING");

        storeDown = false;
        store.put("t1", Tasks.reverse("t1", TaskState.SUCCESS, "cba"));
        recent.refresh();
        assertThat(recent.isStoreUnavailable()).isFalse();
        assertThat(recent.getTasks()).extracting(ShownTask::getBadgeLabel).containsExactly("SUCCESS");
    }

    @Test
    void thePageFollowsTheUnfinishedTasksWithTheStatesItShowsAndFallsBackToRefreshingWhenTheStoreIsDown() {
        recent.add(submitted("waiting"));
        recent.add(submitted("running"));
        recent.add(submitted("done"));
        store.put("waiting", Tasks.reverse("waiting", TaskState.PENDING, null));
        store.put("running", Tasks.reverse("running", TaskState.STARTED, null));
        store.put("done", Tasks.reverse("done", TaskState.SUCCESS, "cba"));

        recent.refresh();
        assertThat(recent.getFollow()).isEqualTo("running:STARTED waiting:PENDING");

        storeDown = true;
        recent.refresh();
        assertThat(recent.getFollow()).as("nothing to follow: the page refreshes by itself").isEmpty();
        assertThat(recent.isLive()).isTrue();
    }
}

package dev.taskq.application;

import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskPolicy;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the operator dashboard shows, read from the store and the broker, so that every instance shows the same:
 * all tasks (paged, filtered), counts per state, the instances and whether they are online, every queue's depth,
 * and the finished-per-minute and latency figures of the last hour.
 */
@ApplicationScoped
public class DashboardQueryService {
    /** The charts' span. */
    public static final int CHART_MINUTES = 60;

    @Inject
    TaskCatalog catalog;
    @Inject
    WorkerRegistry workers;
    @Inject
    QueueInspector queues;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskStatistics statistics;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "taskq.workers.offline-after-seconds")
    long offlineAfterSeconds;

    public TaskPage tasks(TaskListQuery query) {
        return catalog.list(query);
    }

    public Map<TaskState, Long> countsByState() {
        return catalog.countsByState();
    }

    /** Every instance with whether it is online now. */
    public List<Worker> workers() {
        Instant now = clock.instant();
        Duration offlineAfter = Duration.ofSeconds(offlineAfterSeconds);
        return workers.all().stream().map(w -> new Worker(w, w.online(now, offlineAfter))).toList();
    }

    /**
     * Every queue of this deployment: the default task queue, each queue a kind of it names (by name), then the
     * dead-letter queue.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    public List<QueueDepth> queues() {
        return queues.depths(logicalQueues());
    }

    /**
     * As {@link #queues()}, each task queue with its logical name and the kinds that wait on it (the dead-letter
     * queue with none), for the dashboard's queues table.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    public List<Queue> queuesWithKinds() {
        List<String> logical = logicalQueues();
        List<QueueDepth> depths = queues.depths(logical);
        List<Queue> shown = new ArrayList<>(depths.size());
        for (int i = 0; i < depths.size(); i++) {
            String queue = i < logical.size() ? logical.get(i) : null;
            shown.add(new Queue(depths.get(i), queue, queue == null ? List.of() : kinds.all().stream()
                    .filter(k -> k.policy().queue().equals(queue)).map(TaskKind::name).toList()));
        }
        return shown;
    }

    /** {@code default} first (it is always consumed, even when no kind names it), then the others by name. */
    private List<String> logicalQueues() {
        Set<String> named = new TreeSet<>();
        kinds.all().forEach(k -> named.add(k.policy().queue()));
        named.remove(TaskPolicy.DEFAULT_QUEUE);
        List<String> logical = new ArrayList<>(named.size() + 1);
        logical.add(TaskPolicy.DEFAULT_QUEUE);
        logical.addAll(named);
        return logical;
    }

    public Throughput throughput() {
        return Throughput.of(statistics.lastMinutes(clock.instant(), CHART_MINUTES));
    }

    /**
     * A queue as the dashboard lists it.
     *
     * @param depth   what the broker says of it
     * @param logical its logical name ({@code default}, or the {@code queue} kinds name); null for the dead letters
     * @param kinds   the kinds whose tasks wait on it, by name
     */
    public record Queue(QueueDepth depth, String logical, List<String> kinds) {
        /** The kinds as a reader sees them: "email, reverse, sentiment". */
        public String kindList() {
            return String.join(", ", kinds);
        }
    }

    /** An instance and whether it counts as online. */
    public record Worker(WorkerStatus status, boolean online) {
    }
}

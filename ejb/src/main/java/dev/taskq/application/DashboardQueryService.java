package dev.taskq.application;

import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the operator dashboard shows, read from the store and the broker, so that every instance shows the same:
 * all tasks (paged, filtered), counts per state, the instances and whether they are online, the queues' depth,
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

    /** @throws QueueUnavailableException when the broker cannot be reached */
    public List<QueueDepth> queues() {
        return queues.depths();
    }

    public Throughput throughput() {
        return Throughput.of(statistics.lastMinutes(clock.instant(), CHART_MINUTES));
    }

    /** An instance and whether it counts as online. */
    public record Worker(WorkerStatus status, boolean online) {
    }
}

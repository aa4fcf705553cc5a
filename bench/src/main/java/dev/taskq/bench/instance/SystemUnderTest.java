package dev.taskq.bench.instance;

import dev.taskq.bench.BenchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run measures: a task system that serves taskq's REST API shape ({@code POST /api/tasks},
 * {@code GET /api/tasks/{id}}) on its own port, with a queue and store data of its own that {@link #close()}
 * deletes again.
 */
public interface SystemUnderTest extends AutoCloseable {

    /** The system that {@code bench.target} names: {@code taskq} or {@code celery}. */
    static SystemUnderTest of(BenchSettings settings) {
        return switch (settings.target()) {
            case "taskq" -> new TaskqInstance(settings, LocalProcesses.freePort());
            case "celery" -> new CeleryStack(settings, LocalProcesses.freePort());
            default -> throw new IllegalArgumentException("unknown bench.target " + settings.target()
                    + " (taskq or celery)");
        };
    }

    /** What the report calls it: {@code taskq} or {@code celery}. */
    String target();

    String baseUrl();

    /**
     * Launches its processes, writing their output to {@code workDir} (emptied first), and returns once one task
     * submitted through the API is terminal.
     */
    void start(Path workDir) throws IOException, InterruptedException;

    /** The process ids that make it up right now (for CPU and memory sampling: their /proc figures are summed). */
    List<Long> pids();

    /** Milliseconds from launching its processes to seeing its first task terminal. */
    long startToFirstTaskMillis();

    /** Its Prometheus text (for the task latency histogram), or "" if it has none. */
    String metrics();

    /** Stops its processes and deletes its queue and store data. */
    @Override
    void close() throws IOException, InterruptedException;
}

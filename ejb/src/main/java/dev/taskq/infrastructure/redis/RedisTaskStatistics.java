package dev.taskq.infrastructure.redis;

import static dev.taskq.infrastructure.redis.RedisCalls.call;

import dev.taskq.application.TaskStatistics;
import dev.taskq.domain.TaskState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * {@link TaskStatistics} on Redis, per epoch minute: {@code <prefix>:stats:finished:<minute>}, a hash counting
 * SUCCESS and FAILURE, and {@code <prefix>:stats:latency:<minute>}, a list of the minute's last
 * {@value #LATENCY_SAMPLES} end-to-end latencies in ms. Both expire after {@value #KEEP_SECONDS} s.
 *
 * <p>Finished tasks are gathered in memory and written every {@value #FLUSH_MS} ms in one round trip for all of them
 * (it had been one round trip per task, a third of a worker's Redis calls, docs/performance.md). These are
 * statistics, not task state: a process that dies loses at most its last {@value #FLUSH_MS} ms of them.
 */
@ApplicationScoped
public class RedisTaskStatistics implements TaskStatistics {
    private static final Logger LOG = Logger.getLogger(RedisTaskStatistics.class.getName());
    static final int LATENCY_SAMPLES = 1000;
    static final long KEEP_SECONDS = 2 * 3600;

    static final long FLUSH_MS = 250;

    @Inject
    RedisConnection redis;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Queue<Finished> unwritten = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> flushes;

    @PostConstruct
    void start() {
        flushes = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flushes.cancel(false);
        flush();
    }

    @Override
    public void finished(TaskState outcome, Instant at, Duration latency) {
        unwritten.add(new Finished(at.getEpochSecond() / 60, outcome, latency.toMillis()));
    }

    /** Best effort: the tasks' outcomes are already committed, so a failure here is logged, not thrown. */
    void flush() {
        Map<Long, List<Finished>> byMinute = new TreeMap<>();
        Finished next;
        while ((next = unwritten.poll()) != null) {
            byMinute.computeIfAbsent(next.minute(), m -> new ArrayList<>()).add(next);
        }
        if (byMinute.isEmpty()) {
            return;
        }
        try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
            byMinute.forEach((minute, finished) -> {
                String counts = redis.key("stats", "finished", Long.toString(minute));
                String latencies = redis.key("stats", "latency", Long.toString(minute));
                Map<TaskState, Long> perOutcome = new EnumMap<>(TaskState.class);
                finished.forEach(f -> perOutcome.merge(f.outcome(), 1L, Long::sum));
                perOutcome.forEach((outcome, n) -> pipeline.hincrBy(counts, outcome.name(), n));
                pipeline.expire(counts, KEEP_SECONDS);
                List<Finished> sampled = finished.subList(Math.max(0, finished.size() - LATENCY_SAMPLES),
                        finished.size());
                pipeline.rpush(latencies, sampled.stream().map(f -> Long.toString(f.latencyMs()))
                        .toArray(String[]::new));
                pipeline.ltrim(latencies, -LATENCY_SAMPLES, -1);
                pipeline.expire(latencies, KEEP_SECONDS);
            });
            pipeline.sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record " + byMinute.values().stream().mapToInt(List::size).sum()
                    + " finished tasks in the statistics: " + e);
        }
    }

    /** One finished task, not yet written. */
    private record Finished(long minute, TaskState outcome, long latencyMs) {
    }

    @Override
    public List<MinuteSample> lastMinutes(Instant now, int minutes) {
        long current = now.getEpochSecond() / 60;
        return call(() -> {
            List<Response<Map<String, String>>> counts = new ArrayList<>(minutes);
            List<Response<List<String>>> latencies = new ArrayList<>(minutes);
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                for (long m = current - minutes + 1; m <= current; m++) {
                    counts.add(pipeline.hgetAll(redis.key("stats", "finished", Long.toString(m))));
                    latencies.add(pipeline.lrange(redis.key("stats", "latency", Long.toString(m)), 0, -1));
                }
                pipeline.sync();
            }
            List<MinuteSample> samples = new ArrayList<>(minutes);
            for (int i = 0; i < minutes; i++) {
                Map<String, String> c = counts.get(i).get();
                samples.add(new MinuteSample(Instant.ofEpochSecond((current - minutes + 1 + i) * 60),
                        Long.parseLong(c.getOrDefault(TaskState.SUCCESS.name(), "0")),
                        Long.parseLong(c.getOrDefault(TaskState.FAILURE.name(), "0")),
                        latencies.get(i).get().stream().map(Long::valueOf).toList()));
            }
            return samples;
        });
    }
}

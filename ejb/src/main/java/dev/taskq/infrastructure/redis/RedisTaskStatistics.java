package dev.taskq.infrastructure.redis;

import static dev.taskq.infrastructure.redis.RedisCalls.call;

import dev.taskq.application.TaskStatistics;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * {@link TaskStatistics} on Redis, per epoch minute: {@code <prefix>:stats:finished:<minute>}, a hash counting
 * SUCCESS and FAILURE, and {@code <prefix>:stats:latency:<minute>}, a list of the minute's last
 * {@value #LATENCY_SAMPLES} end-to-end latencies in ms. Both expire after {@value #KEEP_SECONDS} s.
 */
@ApplicationScoped
public class RedisTaskStatistics implements TaskStatistics {
    private static final Logger LOG = Logger.getLogger(RedisTaskStatistics.class.getName());
    static final int LATENCY_SAMPLES = 1000;
    static final long KEEP_SECONDS = 2 * 3600;

    @Inject
    RedisConnection redis;

    /** Best effort: the task's outcome is already committed, so a failure here is logged, not thrown. */
    @Override
    public void finished(TaskState outcome, Instant at, Duration latency) {
        long minute = at.getEpochSecond() / 60;
        String counts = redis.key("stats", "finished", Long.toString(minute));
        String latencies = redis.key("stats", "latency", Long.toString(minute));
        try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
            pipeline.hincrBy(counts, outcome.name(), 1);
            pipeline.expire(counts, KEEP_SECONDS);
            pipeline.rpush(latencies, Long.toString(latency.toMillis()));
            pipeline.ltrim(latencies, -LATENCY_SAMPLES, -1);
            pipeline.expire(latencies, KEEP_SECONDS);
            pipeline.sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record a finished task in the statistics: " + e);
        }
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

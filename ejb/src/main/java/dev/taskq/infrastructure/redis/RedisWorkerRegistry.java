package dev.taskq.infrastructure.redis;

import static dev.taskq.infrastructure.redis.RedisCalls.call;

import dev.taskq.application.WorkerRegistry;
import dev.taskq.application.WorkerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * {@link WorkerRegistry} on Redis: one hash per instance, {@code <prefix>:worker:<name>} (name, host, started_at,
 * pool_size, busy, processed, failed, last_seen, stopped_at), expiring when it stops beating, and the set of
 * names {@code <prefix>:workers}, from which expired instances are dropped as they are met.
 */
@ApplicationScoped
public class RedisWorkerRegistry implements WorkerRegistry {

    @Inject
    RedisConnection redis;

    @Override
    public void beat(WorkerStatus status, Duration keep) {
        call(() -> {
            String key = redis.key("worker", status.name());
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                pipeline.hset(key, Map.of("name", status.name(), "host", status.host(),
                        "started_at", status.startedAt().toString(), "pool_size", Integer.toString(status.poolSize()),
                        "busy", Integer.toString(status.busy()), "processed", Long.toString(status.processed()),
                        "failed", Long.toString(status.failed()), "last_seen", status.lastSeen().toString()));
                pipeline.hdel(key, "stopped_at");
                pipeline.expire(key, keep.toSeconds());
                pipeline.sadd(redis.key("workers"), status.name());
                pipeline.sync();
            }
            return null;
        });
    }

    @Override
    public void signOff(String name, Instant at) {
        call(() -> {
            String key = redis.key("worker", name);
            if (redis.jedis().exists(key)) {
                redis.jedis().hset(key, Map.of("stopped_at", at.toString(), "busy", "0"));
            }
            return null;
        });
    }

    @Override
    public List<WorkerStatus> all() {
        return call(() -> {
            Map<String, Response<Map<String, String>>> hashes = new TreeMap<>();
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                for (String name : redis.jedis().smembers(redis.key("workers"))) {
                    hashes.put(name, pipeline.hgetAll(redis.key("worker", name)));
                }
                pipeline.sync();
            }
            List<WorkerStatus> workers = new ArrayList<>();
            hashes.forEach((name, hash) -> {
                Map<String, String> h = hash.get();
                if (h.isEmpty()) {
                    redis.jedis().srem(redis.key("workers"), name);
                } else {
                    workers.add(new WorkerStatus(name, h.get("host"), Instant.parse(h.get("started_at")),
                            Integer.parseInt(h.get("pool_size")), Integer.parseInt(h.get("busy")),
                            Long.parseLong(h.get("processed")), Long.parseLong(h.get("failed")),
                            Instant.parse(h.get("last_seen")),
                            h.get("stopped_at") == null ? null : Instant.parse(h.get("stopped_at"))));
                }
            });
            return workers;
        });
    }
}

package dev.taskq.infrastructure.redis;

import dev.taskq.application.TaskStore;
import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/** {@link TaskStore} on Redis: see the package documentation for the key layout. */
@ApplicationScoped
public class RedisTaskStore implements TaskStore {
    private static final Type PARAMS_TYPE = new HashMap<String, String>() { }.getClass().getGenericSuperclass();
    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final LuaScript CREATE = RedisTaskIndex.script("create.lua");
    private static final LuaScript BEGIN_ATTEMPT = RedisTaskIndex.script("begin-attempt.lua");
    private static final LuaScript RECORD_RETRY = RedisTaskIndex.script("record-retry.lua");
    private static final LuaScript FINISH = RedisTaskIndex.script("finish.lua");

    @Inject
    RedisConnection redis;
    @Inject
    RedisTaskIndex index;
    @Inject
    @ConfigProperty(name = "taskq.result.ttl-seconds")
    long resultTtlSeconds;

    @Override
    public void create(TaskRecord task) {
        TaskEvent pending = task.history().get(0);
        long created = call(() -> CREATE.run(redis.jedis(), index.scriptKeys(task.id()), List.of(task.id(),
                task.kind().wireName(), JSONB.toJson(task.parameters()), task.submittedAt().toString(),
                JSONB.toJson(pending), Long.toString(task.submittedAt().toEpochMilli()))));
        if (created != 1) {
            throw new IllegalStateException("task " + task.id() + " exists already");
        }
    }

    @Override
    public void delete(String id) {
        call(() -> {
            redis.jedis().del(redis.key("task", id), redis.key("task", id, "history"));
            index.reindex(id);
            return null;
        });
    }

    @Override
    public Optional<TaskRecord> find(String id) {
        return call(() -> {
            Response<Map<String, String>> hash;
            Response<List<String>> history;
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                hash = pipeline.hgetAll(redis.key("task", id));
                history = pipeline.lrange(redis.key("task", id, "history"), 0, -1);
                pipeline.sync();
            }
            return hash.get().isEmpty() ? Optional.empty() : Optional.of(toRecord(hash.get(), history.get()));
        });
    }

    @Override
    public void ping() {
        call(() -> redis.jedis().ping());
    }

    @Override
    public OptionalInt beginAttempt(String id, Instant now, String instance) {
        long attempt = call(() -> BEGIN_ATTEMPT.run(redis.jedis(), index.scriptKeys(id), List.of(now.toString(), instance)));
        return attempt > 0 ? OptionalInt.of((int) attempt) : OptionalInt.empty();
    }

    @Override
    public void recordRetry(String id, int attempt, String error, Instant now, String instance) {
        call(() -> RECORD_RETRY.run(redis.jedis(), index.scriptKeys(id),
                List.of(now.toString(), instance, Integer.toString(attempt), nonNull(error))));
    }

    @Override
    public boolean finish(String id, TaskState terminal, String result, String error, Instant now,
            String instance) {
        if (!terminal.isTerminal()) {
            throw new IllegalArgumentException(terminal + " is not terminal");
        }
        List<String> keys = index.scriptKeys(id, redis.key("email", "sent", id));
        return call(() -> FINISH.run(redis.jedis(), keys, List.of(now.toString(), instance, terminal.name(),
                nonNull(result), nonNull(error), Long.toString(resultTtlSeconds)))) == 1;
    }

    private static TaskRecord toRecord(Map<String, String> hash, List<String> history) {
        return new TaskRecord(hash.get("id"),
                TaskKind.fromWireName(hash.get("type")).orElseThrow(),
                JSONB.fromJson(hash.get("params"), PARAMS_TYPE),
                TaskState.valueOf(hash.get("state")),
                hash.get("result"),
                hash.get("error"),
                Integer.parseInt(hash.getOrDefault("attempts", "0")),
                instant(hash.get("submitted_at")),
                instant(hash.get("started_at")),
                instant(hash.get("finished_at")),
                history.stream().map(json -> JSONB.fromJson(json, TaskEvent.class)).toList());
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call(command);
    }
}

package dev.taskq.infrastructure.redis;

import dev.taskq.application.TaskMessage;
import dev.taskq.application.TaskStore;
import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** {@link TaskStore} on Redis: see the package documentation for the key layout. */
@ApplicationScoped
public class RedisTaskStore implements TaskStore {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final LuaScript CREATE = RedisTaskIndex.script("task-create.lua", "create.lua");
    private static final LuaScript CREATE_ALL = RedisTaskIndex.script("task-create.lua", "create-all.lua");
    private static final LuaScript CLAIM_DUE = RedisTaskIndex.script("claim-due.lua");
    private static final LuaScript BEGIN_ATTEMPT = RedisTaskIndex.script("begin-attempt.lua");
    private static final LuaScript RECORD_RETRY = RedisTaskIndex.script("record-retry.lua");
    private static final LuaScript FINISH = RedisTaskIndex.script("finish.lua");
    private static final LuaScript REPORT = RedisTaskIndex.script("report.lua");
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Inject
    RedisConnection redis;
    @Inject
    RedisTaskIndex index;
    @Inject
    @ConfigProperty(name = "taskq.result.ttl-seconds")
    long resultTtlSeconds;

    @Override
    public void create(TaskRecord task) {
        long created = call(() -> CREATE.run(redis.jedis(), index.scriptKeys(task.id(), index.due()),
                creationArgs(task)));
        if (created != 1) {
            throw new IllegalStateException("task " + task.id() + " exists already");
        }
    }

    @Override
    public void createAll(List<TaskRecord> tasks) {
        List<String> keys = new ArrayList<>(tasks.size() * 4 + 2);
        List<String> args = new ArrayList<>(tasks.size() * 9);
        for (TaskRecord task : tasks) {
            keys.addAll(index.scriptKeys(task.id()));
            args.addAll(creationArgs(task));
        }
        keys.add(index.due());
        long created = call(() -> CREATE_ALL.run(redis.jedis(), keys, args));
        if (created != tasks.size()) {
            throw new IllegalStateException("one of " + tasks.size() + " tasks exists already; none was stored");
        }
    }

    /** What {@code task-create.lua}'s {@code create_task} takes of a new task, in its order (but the schedule). */
    static List<String> creationArgs(TaskRecord task) {
        TaskEvent first = task.history().get(0);
        return List.of(task.id(), task.type(), task.input().toString(), task.submittedAt().toString(),
                JSONB.toJson(first), Long.toString(task.submittedAt().toEpochMilli()), task.state().name(),
                task.runAt() == null ? "" : task.runAt().toString(),
                task.runAt() == null ? "" : Long.toString(task.runAt().toEpochMilli()));
    }

    @Override
    public DueTasks claimDue(String instance, int max, Duration claimTimeout) {
        Instant callerNow = Instant.now();
        List<?> reply = call(() -> (List<?>) CLAIM_DUE.eval(redis.jedis(),
                List.of(index.due(), index.claimed(), index.all()),
                List.of(Integer.toString(max), Long.toString(claimTimeout.toMillis()), callerNow.toString(),
                        instance, Long.toString(callerNow.toEpochMilli()))));
        Instant now = Instant.ofEpochMilli((Long) reply.get(0));
        List<DueTask> tasks = new ArrayList<>();
        for (int i = 2; i + 4 < reply.size(); i += 5) {
            String runAt = (String) reply.get(i + 4);
            tasks.add(new DueTask(new TaskMessage((String) reply.get(i), (String) reply.get(i + 1),
                    jsonObject((String) reply.get(i + 2)), instant((String) reply.get(i + 3))),
                    runAt.isEmpty() ? null : Instant.parse(runAt)));
        }
        return new DueTasks(now, (Long) reply.get(1), tasks);
    }

    @Override
    public void queued(List<String> ids) {
        if (!ids.isEmpty()) {
            call(() -> redis.jedis().zrem(index.claimed(), ids.toArray(String[]::new)));
        }
    }

    @Override
    public void delete(String id) {
        call(() -> {
            redis.jedis().del(redis.key("task", id), redis.key("task", id, "history"), redis.key("task", id, "log"));
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
    public List<String> logs(String id) {
        return call(() -> redis.jedis().lrange(redis.key("task", id, "log"), 0, -1));
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
            String instance, List<TaskEffect> effects) {
        if (!terminal.isTerminal()) {
            throw new IllegalArgumentException(terminal + " is not terminal");
        }
        List<String> keys = index.scriptKeys(id, effects.stream()
                .map(e -> redis.key(e.kind(), e.name(), id)).toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of(now.toString(), instance, terminal.name(), nonNull(result),
                nonNull(error), Long.toString(resultTtlSeconds)));
        effects.forEach(e -> args.add(e.json()));
        return call(() -> FINISH.run(redis.jedis(), keys, args)) == 1;
    }

    @Override
    public Set<String> report(List<AttemptReport> reports, int logLines) {
        if (reports.isEmpty()) {
            return Set.of();
        }
        return call(() -> {
            List<Response<Object>> states = new ArrayList<>(reports.size());
            String now = Instant.now().toString();
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                for (AttemptReport report : reports) {
                    List<String> args = new ArrayList<>(List.of(
                            report.progress() == null ? "" : report.progress().toString(),
                            nonNull(report.progressMessage()), Integer.toString(logLines), now));
                    args.addAll(report.logLines());
                    states.add(pipeline.evalsha(REPORT.sha(redis.jedis()), List.of(redis.key("task", report.taskId()),
                            redis.key("task", report.taskId(), "log"), index.all()), args));
                }
                pipeline.sync();
            }
            Set<String> stopped = new HashSet<>();
            for (int i = 0; i < reports.size(); i++) {
                Object state;
                try {
                    state = states.get(i).get();
                } catch (JedisNoScriptException e) {
                    // Redis restarted and forgot the script: load it again at the next report
                    REPORT.forget();
                    continue;
                }
                if (state == null || TaskState.REVOKED.name().equals(state)) {
                    stopped.add(reports.get(i).taskId());
                }
            }
            return stopped;
        });
    }

    private static TaskRecord toRecord(Map<String, String> hash, List<String> history) {
        String progress = hash.get("progress");
        return new TaskRecord(hash.get("id"),
                hash.get("type"),
                jsonObject(hash.get("params")),
                TaskState.valueOf(hash.get("state")),
                hash.get("result"),
                hash.get("error"),
                Integer.parseInt(hash.getOrDefault("attempts", "0")),
                instant(hash.get("submitted_at")),
                instant(hash.get("run_at")),
                instant(hash.get("started_at")),
                instant(hash.get("finished_at")),
                progress == null ? null : Integer.valueOf(progress),
                hash.get("progress_message"),
                history.stream().map(json -> JSONB.fromJson(json, TaskEvent.class)).toList());
    }

    /** {@code json} as a JSON object; the empty object for none or for JSON that is not an object. */
    static JsonObject jsonObject(String json) {
        if (json == null || json.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        }
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

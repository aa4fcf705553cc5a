package dev.taskq.infrastructure.redis;

import dev.taskq.application.ScheduleStore;
import dev.taskq.application.StoredSchedule;
import dev.taskq.domain.MissedRuns;
import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleCron;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.ScheduleSlots.Decision;
import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * {@link ScheduleStore} on Redis. Keys: {@code <prefix>:schedule:<id>} (a hash: the definition — name, cron, zone,
 * type, input, enabled, missed_runs, skip_if_running, source — and where it stands — last_slot, last_task,
 * next_run, created_at, updated_at; times as epoch ms), {@code <prefix>:schedule:<id>:runs} (its last runs, newest
 * first, JSON), {@code <prefix>:schedules} (the set of ids) and {@code <prefix>:schedules:due} (enabled schedules'
 * ids scored by their next slot). Every change is one Lua script; a fire is a compare-and-set on last_slot.
 */
@ApplicationScoped
public class RedisScheduleStore implements ScheduleStore {
    private static final LuaScript SAVE = movingNext("schedule-save.lua");
    private static final LuaScript ENABLE = movingNext("schedule-enable.lua");
    private static final LuaScript DUE = LuaScript.concat(LuaScript.source("redis-now.lua"),
            LuaScript.source("schedule-due.lua"));
    private static final LuaScript RESCHEDULE = movingNext("schedule-reschedule.lua");
    private static final LuaScript DELETE = LuaScript.load("schedule-delete.lua");
    private static final LuaScript FIRE = RedisTaskIndex.script("task-create.lua", "schedule-next.lua",
            "schedule-fire.lua");
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Inject
    RedisConnection redis;
    @Inject
    RedisTaskIndex index;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.runs-kept")
    int runsKept;

    /** A script that moves a schedule's next slot, with {@code set_next} of {@code schedule-next.lua} in front. */
    private static LuaScript movingNext(String resourceName) {
        return LuaScript.concat(LuaScript.source("schedule-next.lua"), LuaScript.source(resourceName));
    }

    @Override
    public Instant now() {
        List<?> time = call(() -> (List<?>) redis.jedis().eval("return redis.call('TIME')"));
        return Instant.ofEpochSecond(Long.parseLong(time.get(0).toString()),
                Long.parseLong(time.get(1).toString()) * 1000);
    }

    @Override
    public List<StoredSchedule> all() {
        return call(() -> {
            List<String> ids = new ArrayList<>(redis.jedis().smembers(ids()));
            ids.sort(Comparator.naturalOrder());
            List<Response<Map<String, String>>> hashes = new ArrayList<>();
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                ids.forEach(id -> hashes.add(pipeline.hgetAll(schedule(id))));
                pipeline.sync();
            }
            List<StoredSchedule> found = new ArrayList<>();
            for (Response<Map<String, String>> hash : hashes) {
                toSchedule(hash.get()).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public Optional<StoredSchedule> find(String id) {
        return call(() -> toSchedule(redis.jedis().hgetAll(schedule(id))));
    }

    @Override
    public boolean create(Schedule schedule, Instant now, Instant nextRun) {
        return save("create", schedule, now, nextRun);
    }

    @Override
    public boolean replace(Schedule schedule, Instant now, Instant nextRun) {
        return save("replace", schedule, now, nextRun);
    }

    @Override
    public void upsert(Schedule schedule, Instant now, Instant nextRun) {
        save("upsert", schedule, now, nextRun);
    }

    private boolean save(String mode, Schedule s, Instant now, Instant nextRun) {
        List<String> args = List.of(mode, millis(now), millis(nextRun), s.id(),
                "name", s.name(), "cron", s.cron().expression(), "zone", s.cron().zone().getId(), "type", s.type(),
                "input", s.input().toString(), "enabled", flag(s.enabled()), "missed_runs", s.missedRuns().label(),
                "skip_if_running", flag(s.skipIfRunning()), "source", s.source().name());
        return call(() -> SAVE.run(redis.jedis(), List.of(schedule(s.id()), ids(), due()), args)) == 1;
    }

    @Override
    public boolean delete(String id) {
        return call(() -> DELETE.run(redis.jedis(), List.of(schedule(id), runs(id), ids(), due()), List.of(id))) == 1;
    }

    @Override
    public Optional<StoredSchedule> setEnabled(String id, boolean enabled, Instant now, Instant nextRun) {
        long done = call(() -> ENABLE.run(redis.jedis(), List.of(schedule(id), due()),
                List.of(id, flag(enabled), millis(now), millis(nextRun))));
        return done == 1 ? find(id) : Optional.empty();
    }

    @Override
    public DueSchedules due(int max) {
        List<?> reply = call(() -> (List<?>) DUE.eval(redis.jedis(), List.of(due()), List.of(Integer.toString(max))));
        List<String> ids = reply.subList(1, reply.size()).stream().map(String.class::cast).toList();
        return new DueSchedules(Instant.ofEpochMilli((Long) reply.get(0)), ids);
    }

    @Override
    public void reschedule(String id, Instant nextRun) {
        call(() -> RESCHEDULE.run(redis.jedis(), List.of(schedule(id), due()), List.of(id, millis(nextRun))));
    }

    @Override
    public Optional<ScheduleRun> fire(StoredSchedule seen, Decision decision, Instant nextRun, TaskRecord task,
            String instance) {
        return fire("slot", seen.id(), millis(seen.lastSlot()), decision.slot(), nextRun, decision.outcome(),
                decision.missed(), task, instance);
    }

    @Override
    public Optional<ScheduleRun> trigger(String id, TaskRecord task, String instance) {
        return fire("trigger", id, "", task.runAt(), null, ScheduleRun.Outcome.TRIGGERED, 0, task, instance);
    }

    private Optional<ScheduleRun> fire(String mode, String id, String lastSlot, Instant slot, Instant nextRun,
            ScheduleRun.Outcome outcome, int missed, TaskRecord task, String instance) {
        List<String> keys = List.of(schedule(id), runs(id), due(), redis.key("task", task.id()),
                redis.key("task", task.id(), "history"), index.all(), index.due());
        List<String> args = new ArrayList<>(List.of(mode, lastSlot, millis(slot), millis(nextRun), outcome.name(),
                Integer.toString(missed), instance, Integer.toString(runsKept)));
        args.addAll(RedisTaskStore.creationArgs(task).subList(0, 6));
        args.addAll(List.of(task.runAt().toString(), millis(task.runAt()), id));
        List<?> reply = call(() -> (List<?>) FIRE.eval(redis.jedis(), keys, args));
        if ((Long) reply.get(0) != 1) {
            return Optional.empty();
        }
        ScheduleRun.Outcome recorded = ScheduleRun.Outcome.valueOf((String) reply.get(1));
        return Optional.of(new ScheduleRun(slot, Instant.ofEpochMilli((Long) reply.get(2)), recorded,
                recorded.madeTask() ? task.id() : null, instance, missed));
    }

    @Override
    public List<ScheduleRun> runs(String id, int max) {
        return call(() -> redis.jedis().lrange(runs(id), 0, max - 1L)).stream().map(RedisScheduleStore::toRun)
                .toList();
    }

    private static ScheduleRun toRun(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject run = reader.readObject();
            JsonValue task = run.get("task");
            return new ScheduleRun(epochMillis(run.getString("slot", "")), epochMillis(run.getString("fired_at", "")),
                    ScheduleRun.Outcome.valueOf(run.getString("outcome")),
                    task instanceof jakarta.json.JsonString s ? s.getString() : null,
                    run.getString("instance", null), run.getInt("missed", 0));
        }
    }

    private static Optional<StoredSchedule> toSchedule(Map<String, String> hash) {
        if (hash.isEmpty() || hash.get("cron") == null) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(hash.getOrDefault("zone", "UTC"));
        Schedule schedule = new Schedule(hash.get("id"), hash.getOrDefault("name", hash.get("id")),
                ScheduleCron.parse(hash.get("cron"), zone), hash.get("type"), RedisTaskStore.jsonObject(hash.get("input")),
                "1".equals(hash.get("enabled")), MissedRuns.of(hash.get("missed_runs")),
                "1".equals(hash.get("skip_if_running")),
                Schedule.Source.valueOf(hash.getOrDefault("source", "API").toUpperCase(Locale.ROOT)));
        return Optional.of(new StoredSchedule(schedule, epochMillis(hash.get("last_slot")),
                epochMillis(hash.get("next_run"))));
    }

    private static Instant epochMillis(String value) {
        return value == null || value.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private String schedule(String id) {
        return redis.key("schedule", id);
    }

    private String runs(String id) {
        return redis.key("schedule", id, "runs");
    }

    private String ids() {
        return redis.key("schedules");
    }

    private String due() {
        return redis.key("schedules", "due");
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call(command);
    }
}

package dev.taskq.infrastructure.redis;

import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sorted sets that list tasks without scanning Redis, each scored by submission time (epoch ms):
 * {@code <prefix>:tasks:all}, {@code <prefix>:tasks:state:<STATE>} and {@code <prefix>:tasks:kind:<kind>}.
 * {@link #reindex} (one Lua script) makes a task's membership match its record, so it is idempotent and repairs.
 */
@ApplicationScoped
public class RedisTaskIndex {
    private static final LuaScript REINDEX = LuaScript.load("reindex.lua");

    @Inject
    RedisConnection redis;

    /** Puts the task in the sets its record says (or out of all of them when it has no record any more). */
    public void reindex(String id) {
        reindex(id, null);
    }

    /** As {@link #reindex(String)}, scoring a task not yet indexed with {@code submittedAt}. */
    public void reindex(String id, Instant submittedAt) {
        List<String> args = new ArrayList<>(List.of(id, redis.key("tasks") + ":",
                submittedAt == null ? "" : Long.toString(submittedAt.toEpochMilli())));
        Arrays.stream(TaskKind.values()).map(TaskKind::wireName).forEach(args::add);
        REINDEX.run(redis.jedis(), List.of(redis.key("task", id), all()), args);
    }

    String all() {
        return redis.key("tasks", "all");
    }

    String of(TaskState state) {
        return redis.key("tasks", "state", state.name());
    }

    String of(TaskKind kind) {
        return redis.key("tasks", "kind", kind.wireName());
    }
}

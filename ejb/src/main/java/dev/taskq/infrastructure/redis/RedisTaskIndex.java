package dev.taskq.infrastructure.redis;

import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sorted sets that list tasks without scanning Redis, each scored by submission time (epoch ms):
 * {@code <prefix>:tasks:all}, {@code <prefix>:tasks:state:<STATE>} and {@code <prefix>:tasks:kind:<kind>}.
 * Every script that changes a task keeps them in step inside the same script ({@link #script}: the Lua function
 * {@code index_task} of {@code task-index.lua}), so a change and its index entries are one atomic step and one
 * round trip; {@link #reindex} runs that function alone, to repair an entry the dashboard found out of step.
 */
@ApplicationScoped
public class RedisTaskIndex {
    /**
     * The task lifecycle as Lua constants, from {@link TaskState} (so no script types a state list by hand):
     * {@code TASK_STATES} (every state), {@code TERMINAL} (a set), {@code MAY_BECOME[next]} (the set of states a task
     * may move to {@code next} from) and {@code REQUEUE_FROM}.
     */
    static final String CONSTANTS = luaList("TASK_STATES", Arrays.stream(TaskState.values()).map(Enum::name))
            + "local TERMINAL = " + luaSet(TaskState.terminal()) + "\n"
            + Arrays.stream(TaskState.values()).map(next -> next.name() + " = " + luaSet(TaskState.from(next)))
                    .collect(Collectors.joining(", ", "local MAY_BECOME = {", "}\n"))
            + "local REQUEUE_FROM = '" + Arrays.stream(TaskState.values()).filter(TaskState::canBeRequeued)
                    .findFirst().orElseThrow().name() + "'\n";
    private static final LuaScript REINDEX = script("reindex.lua");

    @Inject
    RedisConnection redis;

    /**
     * A script that changes tasks, made of the resources {@code resourceNames} (libraries first), with the
     * lifecycle's constants and the functions {@code now_ms} and {@code index_task} defined in front of them.
     */
    static LuaScript script(String... resourceNames) {
        List<String> sources = new ArrayList<>(List.of(CONSTANTS, LuaScript.source("redis-now.lua"),
                LuaScript.source("task-index.lua")));
        Arrays.stream(resourceNames).map(LuaScript::source).forEach(sources::add);
        return LuaScript.concat(sources.toArray(String[]::new));
    }

    /** The sorted set of SCHEDULED tasks' ids by due time (epoch ms). */
    String due() {
        return redis.key("tasks", "due");
    }

    /** The sorted set of due tasks claimed for enqueueing, by when the claim expires (epoch ms). */
    String claimed() {
        return redis.key("tasks", "claimed");
    }

    private static String luaSet(List<TaskState> states) {
        return states.stream().map(state -> state.name() + " = true").collect(Collectors.joining(", ", "{", "}"));
    }

    private static String luaList(String name, Stream<String> values) {
        return values.map(value -> "'" + value + "'")
                .collect(Collectors.joining(", ", "local " + name + " = {", "}\n"));
    }

    /** Puts the task in the sets its record says (or out of all of them when it has no record any more). */
    public void reindex(String id) {
        reindex(id, null);
    }

    /** As {@link #reindex(String)}, scoring a task not yet indexed with {@code submittedAt}. */
    public void reindex(String id, Instant submittedAt) {
        REINDEX.run(redis.jedis(), List.of(redis.key("task", id), all()),
                List.of(id, submittedAt == null ? "" : Long.toString(submittedAt.toEpochMilli())));
    }

    /**
     * The keys of a script that changes task {@code id}: its hash, its history list, the set of all tasks (which
     * {@code index_task} needs), its log list, then {@code more}.
     */
    List<String> scriptKeys(String id, String... more) {
        List<String> keys = new ArrayList<>(List.of(redis.key("task", id), redis.key("task", id, "history"), all(),
                redis.key("task", id, "log")));
        keys.addAll(Arrays.asList(more));
        return keys;
    }

    String all() {
        return redis.key("tasks", "all");
    }

    String of(TaskState state) {
        return redis.key("tasks", "state", state.name());
    }

    String ofKind(String kind) {
        return redis.key("tasks", "kind", kind);
    }
}

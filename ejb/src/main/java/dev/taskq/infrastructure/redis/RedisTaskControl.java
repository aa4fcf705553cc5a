package dev.taskq.infrastructure.redis;

import static dev.taskq.infrastructure.redis.RedisCalls.call;

import dev.taskq.application.TaskControl;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link TaskControl}: each change one compare-and-set Lua script that also re-indexes the task. */
@ApplicationScoped
public class RedisTaskControl implements TaskControl {
    private static final LuaScript REVOKE = RedisTaskIndex.script("revoke.lua");
    private static final LuaScript REQUEUE = RedisTaskIndex.script("requeue.lua");
    private static final LuaScript REMOVE = RedisTaskIndex.script("remove.lua");

    @Inject
    RedisConnection redis;
    @Inject
    RedisTaskIndex index;
    @Inject
    @ConfigProperty(name = "taskq.result.ttl-seconds")
    long resultTtlSeconds;

    @Override
    public Optional<TaskState> revoke(String id, Instant now, String instance, String detail) {
        return change(REVOKE, id, List.of(now.toString(), instance, detail, Long.toString(resultTtlSeconds)));
    }

    @Override
    public Optional<TaskState> requeue(String id, Instant now, String instance, String detail) {
        return change(REQUEUE, id, List.of(now.toString(), instance, detail));
    }

    @Override
    public Optional<TaskState> remove(String id) {
        return change(REMOVE, id, List.of());
    }

    private Optional<TaskState> change(LuaScript script, String id, List<String> args) {
        return call(() -> Optional.ofNullable(script.eval(redis.jedis(), index.scriptKeys(id), args))
                .map(state -> TaskState.valueOf(state.toString())));
    }
}

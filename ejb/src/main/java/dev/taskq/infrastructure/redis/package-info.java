/**
 * The task store on Redis (Jedis, pooled). Layout, readable with {@code redis-cli}: one hash per task,
 * {@code <prefix>:task:<id>} (fields id, type, params, state, result, error, attempts, commits, submitted_at,
 * started_at, finished_at), and its history as a list of JSON events, {@code <prefix>:task:<id>:history}; an
 * e-mail task that succeeded also has its "sent" record, a list with exactly one JSON entry,
 * {@code <prefix>:email:sent:<id>}. Every state change is one Lua script, so it is atomic; the move to a terminal
 * state (result, {@code commits} count and "sent" record together) is a compare-and-set.
 * <p>
 * For the dashboard: sorted sets of task ids scored by submission time (epoch ms), {@code <prefix>:tasks:all},
 * {@code <prefix>:tasks:state:<STATE>} and {@code <prefix>:tasks:kind:<kind>}, kept in step by
 * the same scripts ({@link dev.taskq.infrastructure.redis.RedisTaskIndex}); one hash per instance, {@code <prefix>:worker:<name>},
 * and their names, {@code <prefix>:workers}; per-minute figures, {@code <prefix>:stats:finished:<minute>} and
 * {@code <prefix>:stats:latency:<minute>}. The operator's cancel, requeue and delete are compare-and-set scripts
 * too ({@link dev.taskq.infrastructure.redis.RedisTaskControl}).
 * <p>
 * Delayed tasks wait in {@code <prefix>:tasks:due} (ids by due time) and pass through {@code <prefix>:tasks:claimed}
 * while they are enqueued ({@code claim-due.lua}); recurring schedules live in {@code <prefix>:schedule:<id>} with
 * their runs, each slot handled by the compare-and-set of {@code schedule-fire.lua}
 * ({@link dev.taskq.infrastructure.redis.RedisScheduleStore}).
 */
package dev.taskq.infrastructure.redis;

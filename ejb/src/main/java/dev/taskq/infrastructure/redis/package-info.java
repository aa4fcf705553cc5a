/**
 * The task store on Redis (Jedis, pooled). Layout, readable with {@code redis-cli}: one hash per task,
 * {@code <prefix>:task:<id>} (fields id, type, params, state, result, error, attempts, commits, submitted_at,
 * started_at, finished_at), and its history as a list of JSON events, {@code <prefix>:task:<id>:history}; an
 * e-mail task that succeeded also has its "sent" record, a list with exactly one JSON entry,
 * {@code <prefix>:email:sent:<id>}. Every state change is one Lua script, so it is atomic; the move to a terminal
 * state (result, {@code commits} count and "sent" record together) is a compare-and-set.
 */
package dev.taskq.infrastructure.redis;

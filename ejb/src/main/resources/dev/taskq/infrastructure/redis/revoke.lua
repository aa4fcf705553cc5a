-- Cancels a task that has not finished (PENDING, STARTED or RETRY -> REVOKED), a compare-and-set. KEYS: task hash,
-- history list, all-tasks sorted set, log list. A SCHEDULED task also leaves the due set.
-- ARGV: now, instance, detail, ttl seconds. Returns the state the task was in (nil for an unknown task); it was
-- revoked exactly when that may become REVOKED. A worker that later takes its message skips it (begin-attempt.lua);
-- one that runs it sees the state at its next report (report.lua), interrupts the handler and commits nothing.
local state = redis.call('HGET', KEYS[1], 'state')
if not MAY_BECOME.REVOKED[state] then
  return state
end
redis.call('HSET', KEYS[1], 'state', 'REVOKED', 'finished_at', ARGV[1])
redis.call('ZREM', string.sub(KEYS[3], 1, -4) .. 'due', redis.call('HGET', KEYS[1], 'id'))
redis.call('RPUSH', KEYS[2], cjson.encode({state = 'REVOKED', at = ARGV[1], attempt = 0, instance = ARGV[2],
  detail = ARGV[3]}))
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('EXPIRE', KEYS[4], ARGV[4])
index_task(KEYS[1], KEYS[3])
publish_change(KEYS[3], redis.call('HGET', KEYS[1], 'id'), 'REVOKED', ARGV[1])
return state

-- Starts the next attempt of a task that is not terminal. KEYS: task hash, history list, all-tasks sorted set.
-- ARGV: now, instance
-- Returns the attempt number, -1 for an unknown task, -2 for one that may not start (a terminal one).
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return -1
end
if not MAY_BECOME.STARTED[state] then
  return -2
end
local attempt = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'state', 'STARTED')
redis.call('HSETNX', KEYS[1], 'started_at', ARGV[1])
redis.call('RPUSH', KEYS[2], cjson.encode({state = 'STARTED', at = ARGV[1], attempt = attempt, instance = ARGV[2]}))
local id = redis.call('HGET', KEYS[1], 'id')
move_task(KEYS[1], KEYS[3], id, state, 'STARTED')
publish_change(KEYS[3], id, 'STARTED', ARGV[1])
return attempt

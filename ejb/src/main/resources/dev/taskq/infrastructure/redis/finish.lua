-- Moves a task to a terminal state once (compare-and-set). KEYS: task hash, history list, all-tasks sorted set,
-- log list, then one list per effect.
-- ARGV: now, instance, terminal state, result, error, ttl seconds, then one JSON object per effect (in the order of
-- their keys). Returns 1 when committed, 0 when the task may not move to that state (it is terminal already), -1 for
-- an unknown task. The effects the successful attempt recorded (TaskContext.effect; the caller passes none with a
-- failure) are appended here, inside the same compare-and-set, so each is written exactly once however often the
-- work itself ran.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return -1
end
if not MAY_BECOME[ARGV[3]][state] then
  return 0
end
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'finished_at', ARGV[1])
local detail = ARGV[4]
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'result', ARGV[4])
end
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'error', ARGV[5])
  detail = ARGV[5]
else
  redis.call('HDEL', KEYS[1], 'error')
end
redis.call('HINCRBY', KEYS[1], 'commits', 1)
local attempt = tonumber(redis.call('HGET', KEYS[1], 'attempts'))
redis.call('RPUSH', KEYS[2], cjson.encode({state = ARGV[3], at = ARGV[1], attempt = attempt, instance = ARGV[2],
  detail = detail}))
local id = redis.call('HGET', KEYS[1], 'id')
for i = 5, #KEYS do
  local effect = cjson.decode(ARGV[i + 2])
  effect.task_id = id
  effect.at = ARGV[1]
  effect.instance = ARGV[2]
  redis.call('RPUSH', KEYS[i], cjson.encode(effect))
  redis.call('EXPIRE', KEYS[i], ARGV[6])
end
redis.call('EXPIRE', KEYS[1], ARGV[6])
redis.call('EXPIRE', KEYS[2], ARGV[6])
redis.call('EXPIRE', KEYS[4], ARGV[6])
move_task(KEYS[1], KEYS[3], id, state, ARGV[3])
publish_change(KEYS[3], id, ARGV[3], ARGV[1])
return 1

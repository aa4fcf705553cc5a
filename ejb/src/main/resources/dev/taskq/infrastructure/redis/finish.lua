-- Moves a task to a terminal state once (compare-and-set). KEYS: task hash, history list, all-tasks sorted set,
-- e-mail "sent" record.
-- ARGV: now, instance, terminal state, result, error, ttl seconds. Returns 1 when committed, 0 when already
-- terminal, -1 for an unknown task. An e-mail task that succeeds gets its "sent" record here, inside the same
-- compare-and-set, so it is written exactly once however often the work itself ran.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return -1
end
if state == 'SUCCESS' or state == 'FAILURE' or state == 'REVOKED' then
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
if ARGV[3] == 'SUCCESS' and redis.call('HGET', KEYS[1], 'type') == 'email' then
  local params = cjson.decode(redis.call('HGET', KEYS[1], 'params'))
  redis.call('RPUSH', KEYS[4], cjson.encode({task_id = redis.call('HGET', KEYS[1], 'id'), to = params.recipient,
    subject = params.subject, at = ARGV[1], instance = ARGV[2]}))
  redis.call('EXPIRE', KEYS[4], ARGV[6])
end
redis.call('EXPIRE', KEYS[1], ARGV[6])
redis.call('EXPIRE', KEYS[2], ARGV[6])
index_task(KEYS[1], KEYS[3])
return 1

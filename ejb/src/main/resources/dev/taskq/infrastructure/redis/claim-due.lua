-- Claims the tasks to enqueue now, by Redis's clock, in one atomic step. KEYS: due sorted set (SCHEDULED task ids by
-- due time, epoch ms), claimed sorted set (ids by claim expiry), all-tasks sorted set.
-- ARGV: max, claim timeout ms, the caller's now (ISO-8601, for the history), instance, the caller's now (epoch ms).
-- First the claims that expired unconfirmed (their claimer died before it enqueued them): a task still PENDING is
-- claimed again, any other is dropped. Then due tasks: each SCHEDULED one becomes PENDING (a history step); others
-- (revoked meanwhile) are dropped from the due set. Returns {now ms, SCHEDULED still waiting, then per claimed task:
-- id, type, params, submitted_at, run_at ('' when unknown)}.
local now = now_ms()
local max = tonumber(ARGV[1])
local expiry = now + tonumber(ARGV[2])
local prefix = string.sub(KEYS[3], 1, -10)
local out = {now, 0}
local claimed = 0

local function emit(id, fields)
  redis.call('ZADD', KEYS[2], expiry, id)
  table.insert(out, id)
  table.insert(out, fields[2])
  table.insert(out, fields[3])
  table.insert(out, fields[4])
  table.insert(out, fields[5] or '')
  claimed = claimed + 1
end

for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, max)) do
  local fields = redis.call('HMGET', prefix .. 'task:' .. id, 'state', 'type', 'params', 'submitted_at', 'run_at')
  if fields[1] == 'PENDING' then
    emit(id, fields)
  else
    redis.call('ZREM', KEYS[2], id)
  end
end

if claimed < max then
  -- due by both clocks: Redis's, which every instance shares, and the caller's, which dates the history's PENDING
  -- step; by the latter strictly (scores are whole ms, due times finer), so that step is never before run_at
  local due_by = math.min(now, tonumber(ARGV[5]) - 1)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', due_by, 'LIMIT', 0, max - claimed)) do
    redis.call('ZREM', KEYS[1], id)
    local task_key = prefix .. 'task:' .. id
    local fields = redis.call('HMGET', task_key, 'state', 'type', 'params', 'submitted_at', 'run_at')
    if MAY_BECOME.PENDING[fields[1]] then
      redis.call('HSET', task_key, 'state', 'PENDING')
      redis.call('RPUSH', task_key .. ':history', cjson.encode({state = 'PENDING', at = ARGV[3], attempt = 0,
        instance = ARGV[4], detail = 'due'}))
      move_task(task_key, KEYS[3], id, fields[1], 'PENDING')
      publish_change(KEYS[3], id, 'PENDING', ARGV[3])
      emit(id, fields)
    end
  end
end
out[2] = redis.call('ZCARD', KEYS[1])
return out

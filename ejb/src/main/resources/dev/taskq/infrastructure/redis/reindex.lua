-- Puts a task's id in exactly the index sets that match its record now (all tasks, its state, its kind), or
-- takes it out of all of them when the record is gone (deleted or expired). Idempotent, so it also repairs.
-- KEYS: task hash, all-tasks sorted set. ARGV: id, index key base ('<prefix>:tasks:'), score for a task not
-- indexed yet (submitted at, epoch ms; '' for now), then every kind's name. Scores are submission times.
local id, base = ARGV[1], ARGV[2]
local fields = redis.call('HMGET', KEYS[1], 'state', 'type')
local state, kind = fields[1], fields[2]
for _, s in ipairs({'PENDING', 'STARTED', 'RETRY', 'SUCCESS', 'FAILURE', 'REVOKED'}) do
  if s ~= state then
    redis.call('ZREM', base .. 'state:' .. s, id)
  end
end
for i = 4, #ARGV do
  if ARGV[i] ~= kind then
    redis.call('ZREM', base .. 'kind:' .. ARGV[i], id)
  end
end
if not state then
  redis.call('ZREM', KEYS[2], id)
  return 0
end
local score = redis.call('ZSCORE', KEYS[2], id)
if not score then
  score = ARGV[3]
  if score == '' then
    local now = redis.call('TIME')
    score = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
  end
end
redis.call('ZADD', KEYS[2], score, id)
redis.call('ZADD', base .. 'state:' .. state, score, id)
redis.call('ZADD', base .. 'kind:' .. kind, score, id)
return 1

-- Stores a new PENDING task and indexes it. KEYS: task hash, history list, all-tasks sorted set.
-- ARGV: id, type, params, submitted_at, event, submitted_at as epoch ms
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'type', ARGV[2], 'params', ARGV[3], 'state', 'PENDING',
  'attempts', 0, 'commits', 0, 'submitted_at', ARGV[4])
redis.call('RPUSH', KEYS[2], ARGV[5])
index_task(KEYS[1], KEYS[3], ARGV[1], ARGV[6])
return 1

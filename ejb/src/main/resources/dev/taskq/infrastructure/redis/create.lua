-- Stores a new PENDING task. KEYS: task hash, history list. ARGV: id, type, params, submitted_at, event
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'type', ARGV[2], 'params', ARGV[3], 'state', 'PENDING',
  'attempts', 0, 'commits', 0, 'submitted_at', ARGV[4])
redis.call('RPUSH', KEYS[2], ARGV[5])
return 1

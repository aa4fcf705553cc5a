-- Records a failed attempt that will be retried. KEYS: task hash, history list, all-tasks sorted set.
-- ARGV: now, instance, attempt, error
local state = redis.call('HGET', KEYS[1], 'state')
if not MAY_BECOME.RETRY[state] then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'RETRY', 'error', ARGV[4])
redis.call('RPUSH', KEYS[2], cjson.encode({state = 'RETRY', at = ARGV[1], attempt = tonumber(ARGV[3]),
  instance = ARGV[2], detail = ARGV[4]}))
local id = redis.call('HGET', KEYS[1], 'id')
move_task(KEYS[1], KEYS[3], id, state, 'RETRY')
publish_change(KEYS[3], id, 'RETRY', ARGV[1])
return 1

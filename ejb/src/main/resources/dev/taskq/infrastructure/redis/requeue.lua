-- Runs a failed task again: FAILURE -> PENDING, a compare-and-set. Its attempts are counted afresh, its outcome
-- and timings cleared, its history kept (with a PENDING step saying who requeued it), and it no longer expires.
-- KEYS: task hash, history list, all-tasks sorted set. ARGV: now, instance, detail. Returns the state the task
-- was in (nil: unknown).
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= REQUEUE_FROM then
  return state
end
redis.call('HSET', KEYS[1], 'state', 'PENDING', 'attempts', 0)
redis.call('HDEL', KEYS[1], 'result', 'error', 'started_at', 'finished_at', 'progress', 'progress_message')
redis.call('HINCRBY', KEYS[1], 'requeues', 1)
redis.call('RPUSH', KEYS[2], cjson.encode({state = 'PENDING', at = ARGV[1], attempt = 0, instance = ARGV[2],
  detail = ARGV[3]}))
redis.call('PERSIST', KEYS[1])
redis.call('PERSIST', KEYS[2])
index_task(KEYS[1], KEYS[3])
publish_change(KEYS[3], redis.call('HGET', KEYS[1], 'id'), 'PENDING', ARGV[1])
return state

-- What a running attempt reported since the last report: its progress and new log lines. KEYS: task hash, log
-- list, all-tasks index (names the changes channel). ARGV: progress ('' for no news), progress message, most log
-- lines kept, now (RFC 3339), then the new log lines. Whatever was reported is published (publish_report).
-- Progress is kept only while the task may still finish; log lines are kept as long as the task exists, and expire
-- with it. Returns the task's state (nil when it is gone), so that the worker learns of a revocation.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return nil
end
local progressed = ARGV[1] ~= '' and not TERMINAL[state]
if progressed then
  redis.call('HSET', KEYS[1], 'progress', ARGV[1], 'progress_message', ARGV[2])
end
local logged = #ARGV > 4
if logged then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 5))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
  local ttl = redis.call('TTL', KEYS[1])
  if ttl > 0 then
    redis.call('EXPIRE', KEYS[2], ttl)
  end
end
if progressed or logged then
  publish_report(KEYS[3], redis.call('HGET', KEYS[1], 'id'), state, ARGV[4], progressed and ARGV[1] or nil,
    progressed and ARGV[2] or nil)
end
return state

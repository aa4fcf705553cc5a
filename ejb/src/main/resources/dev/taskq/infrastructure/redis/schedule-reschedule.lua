-- Moves an enabled schedule's next slot. KEYS: schedule hash, schedules' due sorted set. ARGV: id, next slot ms
-- ('' for none: it never fires again).
if redis.call('HGET', KEYS[1], 'enabled') ~= '1' then
  return 0
end
if ARGV[2] == '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
redis.call('HSET', KEYS[1], 'next_run', ARGV[2])
return 1

-- Pauses or resumes a schedule. KEYS: schedule hash, schedules' due sorted set. ARGV: id, enabled '1'/'0', now ms,
-- next slot ms ('' for none). A schedule resumed counts slots from now on (a pause is not caught up).
-- Returns 0 when there is no such schedule.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local was = redis.call('HGET', KEYS[1], 'enabled')
redis.call('HSET', KEYS[1], 'enabled', ARGV[2])
if ARGV[2] == '1' and was ~= '1' then
  redis.call('HSET', KEYS[1], 'last_slot', ARGV[3])
end
set_next(KEYS[1], KEYS[2], ARGV[1], ARGV[2] == '1' and ARGV[4] or '')
return 1

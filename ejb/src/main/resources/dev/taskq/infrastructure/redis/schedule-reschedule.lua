-- Moves an enabled schedule's next slot. KEYS: schedule hash, schedules' due sorted set. ARGV: id, next slot ms
-- ('' for none: it never fires again).
if redis.call('HGET', KEYS[1], 'enabled') ~= '1' then
  return 0
end
set_next(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
return 1

-- Removes a schedule and its runs (not the tasks it made). KEYS: schedule hash, runs list, set of schedule ids,
-- schedules' due sorted set. ARGV: id. Returns 0 when there was none.
local existed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return existed

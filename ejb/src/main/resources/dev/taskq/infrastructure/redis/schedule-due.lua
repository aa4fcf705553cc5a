-- The enabled schedules whose next slot has come, by Redis's clock. KEYS: schedules' due sorted set. ARGV: max.
-- Returns {now ms, id, id, ...}. now_ms comes from redis-now.lua, put in front.
local now = now_ms()
local out = {now}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))) do
  table.insert(out, id)
end
return out

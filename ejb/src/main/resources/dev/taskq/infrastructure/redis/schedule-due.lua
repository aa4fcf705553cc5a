-- The enabled schedules whose next slot has come, by Redis's clock. KEYS: schedules' due sorted set. ARGV: max.
-- Returns {now ms, id, id, ...}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {now}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))) do
  table.insert(out, id)
end
return out

-- Library put in front of the scripts that need Redis's clock (RedisTaskIndex.script puts it before task-index.lua).
-- now_ms: Redis's clock in epoch milliseconds, the one clock every instance agrees on.
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

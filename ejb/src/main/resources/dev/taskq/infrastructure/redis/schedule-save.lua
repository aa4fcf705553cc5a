-- Stores a recurring schedule's definition. KEYS: schedule hash, set of schedule ids, schedules' due sorted set (ids
-- by next slot, epoch ms). ARGV: mode, now ms, next slot ms ('' for none), id, then field/value pairs (name, cron,
-- zone, type, input, enabled '1'/'0', missed_runs, skip_if_running, source).
-- mode create: only a new one (returns 0 when it exists); replace: only an existing one (0 when there is none);
-- upsert (configuration): either, and an existing one keeps its enabled flag. Slots count from last_slot on: a new
-- schedule, one enabled again, and one whose cron or zone changed count from now; otherwise last_slot is kept, so
-- that slots missed while no instance ran are seen (and caught up or skipped) when one starts.
local exists = redis.call('EXISTS', KEYS[1]) == 1
local mode = ARGV[1]
if (mode == 'create' and exists) or (mode == 'replace' and not exists) then
  return 0
end
local old = redis.call('HMGET', KEYS[1], 'enabled', 'cron', 'zone')
local fields = {}
for i = 5, #ARGV, 2 do
  fields[ARGV[i]] = ARGV[i + 1]
end
if mode == 'upsert' and exists then
  fields.enabled = old[1]
end
for k, v in pairs(fields) do
  redis.call('HSET', KEYS[1], k, v)
end
redis.call('HSET', KEYS[1], 'id', ARGV[4], 'updated_at', ARGV[2])
if not exists then
  redis.call('HSET', KEYS[1], 'created_at', ARGV[2], 'last_slot', ARGV[2])
elseif (old[1] ~= '1' and fields.enabled == '1') or old[2] ~= fields.cron or old[3] ~= fields.zone then
  redis.call('HSET', KEYS[1], 'last_slot', ARGV[2])
end
redis.call('SADD', KEYS[2], ARGV[4])
set_next(KEYS[1], KEYS[3], ARGV[4], fields.enabled == '1' and ARGV[3] or '')
return 1

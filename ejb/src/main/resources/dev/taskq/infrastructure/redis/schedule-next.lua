-- Library put in front of the scripts that move a schedule's next slot (RedisScheduleStore).
-- set_next keeps a schedule's next slot in its hash (next_run, epoch ms) and in the schedules' due set, which the
-- instances poll; next '' (paused, or a cron that never fires again) takes it out of the due set.
local function set_next(schedule_key, due_key, id, next)
  if next == '' then
    redis.call('ZREM', due_key, id)
  else
    redis.call('ZADD', due_key, next, id)
  end
  redis.call('HSET', schedule_key, 'next_run', next)
end

-- Handles one slot of a recurring schedule, or a manual trigger, in one atomic step. A slot is handled once across
-- every instance: only when the schedule is enabled and its last_slot is still the one the caller read (a
-- compare-and-set), and the slot is later than it.
-- KEYS: schedule hash, runs list, schedules' due sorted set, then the new task's hash, history list, the all-tasks
-- sorted set and the tasks' due sorted set.
-- ARGV: mode ('slot' or 'trigger'), last_slot as read ('' for none), slot ms, next slot ms ('' for none), outcome
-- (FIRED, CATCH_UP, SKIPPED_MISSED or TRIGGERED), missed slots, instance, runs kept, then the task: id, type,
-- params, submitted_at, event (JSON), submitted_at ms, run_at, run_at ms, schedule id.
-- Returns {1, outcome as recorded, now ms} (a fire becomes SKIPPED_OVERLAP when the schedule skips while its last
-- task is active and it is), or {0} when nothing was done (no such schedule, paused, or the slot taken).
local sched = KEYS[1]
if redis.call('EXISTS', sched) == 0 then
  return {0}
end
local outcome = ARGV[5]
local schedule_id = ARGV[17]
if ARGV[1] == 'slot' then
  if redis.call('HGET', sched, 'enabled') ~= '1' then
    return {0}
  end
  local last = redis.call('HGET', sched, 'last_slot') or ''
  if last ~= ARGV[2] or (last ~= '' and tonumber(ARGV[3]) <= tonumber(last)) then
    return {0}
  end
  redis.call('HSET', sched, 'last_slot', ARGV[3])
  set_next(sched, KEYS[3], schedule_id, ARGV[4])
  if (outcome == 'FIRED' or outcome == 'CATCH_UP') and redis.call('HGET', sched, 'skip_if_running') == '1' then
    local previous = redis.call('HGET', sched, 'last_task')
    if previous then
      local state = redis.call('HGET', string.sub(KEYS[6], 1, -10) .. 'task:' .. previous, 'state')
      if state and not TERMINAL[state] then
        outcome = 'SKIPPED_OVERLAP'
      end
    end
  end
end
local task = nil
if outcome == 'FIRED' or outcome == 'CATCH_UP' or outcome == 'TRIGGERED' then
  create_task(KEYS[4], KEYS[5], KEYS[6], KEYS[7], {id = ARGV[9], type = ARGV[10], params = ARGV[11],
    submitted_at = ARGV[12], event = ARGV[13], submitted_ms = ARGV[14], state = 'SCHEDULED', run_at = ARGV[15],
    run_at_ms = ARGV[16], schedule = schedule_id})
  redis.call('HSET', sched, 'last_task', ARGV[9])
  task = ARGV[9]
end
local now = now_ms()
redis.call('LPUSH', KEYS[2], cjson.encode({slot = ARGV[3], fired_at = string.format('%.0f', now), outcome = outcome, task = task,
  instance = ARGV[7], missed = tonumber(ARGV[6])}))
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[8]) - 1)
return {1, outcome, now}

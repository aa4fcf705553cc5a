-- Library put in front of the scripts that make a task (create.lua, schedule-fire.lua), after task-index.lua.
-- create_task stores a new task and indexes it; a SCHEDULED one also goes into the due set, scored by its due time.
-- keys: task hash, history list, all-tasks sorted set, due sorted set. a: id, type, params, state, submitted_at,
-- event (JSON), submitted_at epoch ms, run_at ('' for none), run_at epoch ms, schedule id ('' for none).
-- Returns false when a task with that id exists (nothing changed).
local function create_task(task_key, history_key, all_key, due_key, a)
  if redis.call('EXISTS', task_key) == 1 then
    return false
  end
  redis.call('HSET', task_key, 'id', a.id, 'type', a.type, 'params', a.params, 'state', a.state,
    'attempts', 0, 'commits', 0, 'submitted_at', a.submitted_at)
  if a.run_at ~= '' then
    redis.call('HSET', task_key, 'run_at', a.run_at)
    redis.call('ZADD', due_key, a.run_at_ms, a.id)
  end
  if a.schedule ~= '' then
    redis.call('HSET', task_key, 'schedule', a.schedule)
  end
  redis.call('RPUSH', history_key, a.event)
  index_new_task(all_key, a.id, a.state, a.type, a.submitted_ms)
  return true
end

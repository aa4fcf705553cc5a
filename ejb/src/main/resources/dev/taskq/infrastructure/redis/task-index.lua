-- Library put in front of every script that changes a task (RedisTaskIndex.script), so that the change and the
-- task's index entries are one atomic script. TASK_STATES, TERMINAL, MAY_BECOME and REQUEUE_FROM (the task
-- lifecycle, from TaskState) are defined right above this by Java (RedisTaskIndex), and now_ms (redis-now.lua).
-- index_task puts a task's id in exactly the index sets that match its record now (all tasks, its state, its kind),
-- or takes it out of all of them when the record is gone (deleted or expired). Idempotent, so it also repairs.
-- task_key: the task hash; all_key: '<prefix>:tasks:all' (the other sets are '<prefix>:tasks:state:<STATE>' and
-- '<prefix>:tasks:kind:<kind>'; '<prefix>:tasks:kinds' holds every kind's name seen); id: the task id (nil: read
-- from the hash); score_if_new: the score of a task not indexed yet (submitted at, epoch ms; nil or '' for now). Scores are submission times.
local function index_task(task_key, all_key, id, score_if_new)
  local base = string.sub(all_key, 1, -4)
  local fields = redis.call('HMGET', task_key, 'state', 'type', 'id')
  local state, kind = fields[1], fields[2]
  id = id or fields[3]
  if not id then
    return 0
  end
  for _, s in ipairs(TASK_STATES) do
    if s ~= state then
      redis.call('ZREM', base .. 'state:' .. s, id)
    end
  end
  for _, k in ipairs(redis.call('SMEMBERS', base .. 'kinds')) do
    if k ~= kind then
      redis.call('ZREM', base .. 'kind:' .. k, id)
    end
  end
  if not state then
    redis.call('ZREM', all_key, id)
    return 0
  end
  local score = redis.call('ZSCORE', all_key, id)
  if not score then
    score = score_if_new
    if not score or score == '' then
      score = now_ms()
    end
  end
  redis.call('ZADD', all_key, score, id)
  redis.call('ZADD', base .. 'state:' .. state, score, id)
  redis.call('ZADD', base .. 'kind:' .. kind, score, id)
  redis.call('SADD', base .. 'kinds', kind)
  return 1
end

-- index_new_task: index_task for a task just made (create_task): it is in no index set yet, so it only goes into
-- the sets of its state and kind and all tasks, scored by score (its submission, epoch ms).
local function index_new_task(all_key, id, state, kind, score)
  local base = string.sub(all_key, 1, -4)
  redis.call('ZADD', all_key, score, id)
  redis.call('ZADD', base .. 'state:' .. state, score, id)
  redis.call('ZADD', base .. 'kind:' .. kind, score, id)
  redis.call('SADD', base .. 'kinds', kind)
end

-- move_task: index_task for a change of state of an indexed task (its kind and score stay): out of the old state's
-- set, into the new one's. A task missing from the all-tasks set is indexed in full by index_task instead.
local function move_task(task_key, all_key, id, from_state, to_state)
  local score = redis.call('ZSCORE', all_key, id)
  if not score then
    return index_task(task_key, all_key, id)
  end
  local base = string.sub(all_key, 1, -4)
  if from_state ~= to_state then
    redis.call('ZREM', base .. 'state:' .. from_state, id)
  end
  redis.call('ZADD', base .. 'state:' .. to_state, score, id)
  return 1
end

-- publish_on_changes tells every web node that a task changed: one PUBLISH on '<prefix>:tasks:changes' (all_key as
-- for index_task) of fields as JSON (RedisTaskChanges reads it). Called by the scripts that commit a
-- state change, inside the same script, so a subscriber hears of a change only once it is committed.
local function publish_on_changes(all_key, fields)
  redis.call('PUBLISH', string.sub(all_key, 1, -4) .. 'changes', cjson.encode(fields))
end

-- publish_change: a committed state change, {"task_id", "state", "at"}.
local function publish_change(all_key, id, state, at)
  publish_on_changes(all_key, {task_id = id, state = state, at = at})
end

-- publish_report tells the same channel that a running attempt reported progress or logged lines (report.lua): the
-- same fields plus report = true, and progress and message when it reported progress. Not a state change.
local function publish_report(all_key, id, state, at, progress, message)
  publish_on_changes(all_key, {task_id = id, state = state, at = at, report = true, progress = tonumber(progress),
    message = message})
end

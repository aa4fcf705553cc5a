-- Deletes a finished task (SUCCESS, FAILURE or REVOKED), its history and its index entries. KEYS: task hash,
-- history list, all-tasks sorted set, log list.
-- Returns the state the task was in (nil: unknown); it was deleted exactly when that is terminal.
local state = redis.call('HGET', KEYS[1], 'state')
if TERMINAL[state] then
  local id = redis.call('HGET', KEYS[1], 'id')
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
  index_task(KEYS[1], KEYS[3], id)
end
return state

-- Deletes a finished task (SUCCESS, FAILURE or REVOKED) and its history. KEYS: task hash, history list.
-- Returns the state the task was in (nil: unknown); it was deleted exactly when that is terminal.
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'SUCCESS' or state == 'FAILURE' or state == 'REVOKED' then
  redis.call('DEL', KEYS[1], KEYS[2])
end
return state

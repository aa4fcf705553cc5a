-- Stores several new tasks in one atomic step, all or none (PENDING or SCHEDULED, as create.lua does one).
-- KEYS: per task its hash, history list, all-tasks sorted set and log list (four each), then the due sorted set.
-- ARGV: per task the nine values create.lua takes, in its order. Returns the number stored, or 0 when a task with
-- one of those ids exists (then nothing changed).
local n = #ARGV / 9
for i = 0, n - 1 do
  if redis.call('EXISTS', KEYS[i * 4 + 1]) == 1 then
    return 0
  end
end
local due_key = KEYS[n * 4 + 1]
for i = 0, n - 1 do
  local k, a = i * 4, i * 9
  create_task(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], due_key, {id = ARGV[a + 1], type = ARGV[a + 2],
    params = ARGV[a + 3], submitted_at = ARGV[a + 4], event = ARGV[a + 5], submitted_ms = ARGV[a + 6],
    state = ARGV[a + 7], run_at = ARGV[a + 8], run_at_ms = ARGV[a + 9], schedule = ''})
end
return n

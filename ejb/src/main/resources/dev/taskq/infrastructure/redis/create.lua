-- Stores a new task, PENDING or SCHEDULED (then also in the due set), and indexes it. KEYS: task hash, history list,
-- all-tasks sorted set, log list, due sorted set.
-- ARGV: id, type, params, submitted_at, event, submitted_at as epoch ms, state, run_at ('' for none), run_at ms
local created = create_task(KEYS[1], KEYS[2], KEYS[3], KEYS[5], {id = ARGV[1], type = ARGV[2], params = ARGV[3],
  submitted_at = ARGV[4], event = ARGV[5], submitted_ms = ARGV[6], state = ARGV[7], run_at = ARGV[8],
  run_at_ms = ARGV[9], schedule = ''})
return created and 1 or 0

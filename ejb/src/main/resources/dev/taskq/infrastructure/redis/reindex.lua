-- Re-indexes one task (index_task, task-index.lua): repairs its index entries. KEYS: task hash, all-tasks sorted
-- set. ARGV: id, score for a task not indexed yet (submitted at, epoch ms; '' for now).
return index_task(KEYS[1], KEYS[2], ARGV[1], ARGV[2])

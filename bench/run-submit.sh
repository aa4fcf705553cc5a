#!/usr/bin/env bash
# Submissions benchmark (issue 15): accepted tasks/s at 16 and 64 clients, with a light client (wrk, C), and of
# batches posted by one client, taskq and the Celery stack (bench/celery) run by run, BENCH_SUBMIT_RUNS (3) pairs
# (bench/submit/submit.py says what a run does); then the batch phase once more per pair with nothing consuming
# (--api-only). BENCH_SUBMIT_STACKS="taskq celery" (the default) chooses the stacks, BENCH_SUBMIT_CLIENTS (16,64) the
# client counts, BENCH_SUBMIT_SECONDS (15) each phase's length, BENCH_SUBMIT_BATCH_TASKS (30000; 0: no batch phase)
# the batch phase's tasks, in arrays of 1 000, BENCH_SUBMIT_JVM_ARGS (-Xmx512m, as the Gatling benchmark's node) the
# taskq node's JVM options. Each run prints one JSON line; the summary (median (min–max), taskq ÷ Celery run by run)
# goes to bench/target/submit/summary.md, the runs to bench/target/submit/runs.jsonl. Installs wrk and the Celery
# stack's Debian packages when missing, builds taskq from the current sources first (bench/build-taskq.sh). Runs
# under the heavy-work lock.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_SUBMIT_RUNS:-3}
read -r -a stacks <<<"${BENCH_SUBMIT_STACKS:-taskq celery}"
batch_tasks=${BENCH_SUBMIT_BATCH_TASKS:-30000}
jvm_args=${BENCH_SUBMIT_JVM_ARGS:--Xmx512m}
out=bench/target/submit
python=/usr/bin/python3 # Debian's, with the python3-celery python3-flask python3-redis packages

bench/install-packages.sh wrk
bench/build-taskq.sh

mkdir -p "$out"
: >"$out/runs.jsonl"
exec 9>/tmp/taskq-heavy.lock
flock 9
for ((run = 1; run <= runs; run++)); do
    for stack in "${stacks[@]}"; do
        echo "run $run/$runs: $stack…" >&2
        "$python" bench/submit/submit.py "$stack" --workdir "$out/work-$stack" \
            --clients "${BENCH_SUBMIT_CLIENTS:-16,64}" --seconds "${BENCH_SUBMIT_SECONDS:-15}" \
            --batch-tasks "$batch_tasks" \
            --jvm-args="$jvm_args" | tee -a "$out/runs.jsonl"
    done
done
if ((batch_tasks > 0)); then
    # the batch phase once more per pair, with nothing consuming: the API's own rate (submit.py --api-only)
    for ((run = 1; run <= runs; run++)); do
        for stack in "${stacks[@]}"; do
            echo "run $run/$runs: $stack, batches with nothing consuming…" >&2
            "$python" bench/submit/submit.py "$stack" --workdir "$out/work-$stack" --api-only \
                --batch-tasks "$batch_tasks" \
                --jvm-args="$jvm_args" | tee -a "$out/runs.jsonl"
        done
    done
fi
"$python" bench/submit/submit.py summarize "$out/runs.jsonl" "$out/summary.md"

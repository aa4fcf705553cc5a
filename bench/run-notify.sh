#!/usr/bin/env bash
# Finish -> notification latency on the task event stream (dev.taskq.bench.StreamNotificationLatency) against a
# running taskq instance: one warm-up run, then BENCH_RUNS (3) runs of BENCH_NOTIFY_RATE (200) tasks/s for
# BENCH_NOTIFY_SECONDS (20) s; prints each run's p50/p99/max. Start the instance first, e.g.
#   TASKQ_WORK_DELAY_MS=0 ./run.sh &
#   bench/run-notify.sh http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-http://127.0.0.1:8080/}
./build-taskq.sh
mvn -q -B compile
classpath=target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
run() { java -cp "$classpath" dev.taskq.bench.StreamNotificationLatency "$base" "${BENCH_NOTIFY_RATE:-200}" \
    "${BENCH_NOTIFY_SECONDS:-20}" 2>&1 | grep -v '^SLF4J'; }
echo "warm-up:"; run
for i in $(seq 1 "${BENCH_RUNS:-3}"); do echo "run $i:"; run; done

#!/usr/bin/env bash
# The taskq benchmark in one command (README, "Performance"):
#   bench/run-bench.sh [-Dbench.…=…]
# builds taskq if needed, then runs the Gatling simulation (bench/, profile "bench") BENCH_RUNS times (default 3).
# Each run starts its own Payara Micro instance from micro/target with TASKQ_WORK_DELAY_MS=0 on a free port, with
# its own queue and Redis key prefix, warms it up, runs burst-16, burst-64, batch (arrays of 1 000 from one
# client), steady-50, steady-200 and steady-500,
# then stops it and deletes its queue and keys. Results: bench/target/report/summary.md (min/median/max over the
# runs), summary.json, run-N.json, and Gatling's HTML report of each run under run-N/.
# With BENCH_TARGETS="taskq celery" each run is followed by the same run against the Celery reference stack
# (bench/celery), and bench/target/report-comparison.md gives taskq ÷ Celery run by run (run-simulation.sh).
# Extra arguments go to Maven, e.g. -Dbench.steady.seconds=30 or
# -Dbench.instance.jvm-args="-Xmx512m -XX:StartFlightRecording=filename=bench/target/taskq.jfr".
# BENCH_REDIS_FSYNC=always runs with Redis's appendonly yes / appendfsync always (run-simulation.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TARGETS=${BENCH_TARGETS:-taskq} exec bench/run-simulation.sh "$@"

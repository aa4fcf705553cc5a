#!/usr/bin/env bash
# The Celery reference stack (bench/celery: Flask under gunicorn, a prefork Celery worker, RabbitMQ, Redis) measured
# with the same Gatling simulation as taskq, on this machine, in one command:
#   bench/run-celery-baseline.sh [-Dbench.…=…]
# installs Debian's python3-celery, python3-flask, gunicorn and python3-redis if missing (apt-get, as root), then
# runs the simulation (run-simulation.sh) with -Dbench.target=celery BENCH_RUNS times (default 3). Each run starts
# gunicorn (-w (2 × cores) + 1, sync workers) and `celery worker --pool prefork --concurrency 4` with no simulated work on their own queue and
# Redis database 3 (which must be empty), then stops them, deletes the queue and flushes the database.
# Results: bench/target/report-celery/ (summary.md, summary.json, run-N.json, Gatling's HTML under run-N/).
# To measure taskq and Celery run by run on the same machine: BENCH_TARGETS="taskq celery" bench/run-bench.sh.
# Extra arguments go to Maven, e.g. -Dbench.steady.rates=50,200 -Dbench.steady.seconds=30
# or -Dbench.celery.gunicorn-workers=9.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TARGETS=celery exec bench/run-simulation.sh "$@"

#!/usr/bin/env bash
# Drain benchmark (issue 15): BENCH_DRAIN_TASKS (10 000) mixed tasks queued while nothing consumes, then one fresh
# worker (pool 4, no simulated work) drains them; taskq (a TASKQ_ROLE=worker Payara Micro node) and the Celery stack
# (bench/celery, prefork, concurrency 4) run by run, BENCH_DRAIN_RUNS (3) pairs. Each run prints one JSON line; the
# summary (median (min–max) per stack, taskq ÷ Celery run by run) goes to bench/target/drain/summary.md, the runs to
# bench/target/drain/runs.jsonl. BENCH_DRAIN_STACKS="taskq celery" (the default) chooses the stacks;
# BENCH_DRAIN_JVM_ARGS adds options to the taskq worker's JVM (e.g. -XX:StartFlightRecording=…); BENCH_DRAIN_CDS=1
# starts it as the container image does, from a class-data archive prepared once here (start-micro.sh
# --prepare-cds bench/target/drain/cds, the same artifacts); BENCH_DRAIN_CONTAINER=1 gives it the container image's JVM
# options (payara-config/micro/container-jvm.options) sized as in a container of BENCH_DRAIN_MEMORY (512m, the
# compose file's default limit of a Micro node) with -XX:MaxRAM. Then the physical
# ceiling: RabbitMQ consume+ack alone (Java client, prefetch 4, like the worker) and Redis round trips alone
# (redis-benchmark, 4 clients). Builds taskq from the current sources first (bench/build-taskq.sh). Runs under the
# heavy-work lock.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${BENCH_DRAIN_TASKS:-10000}
runs=${BENCH_DRAIN_RUNS:-3}
read -r -a stacks <<<"${BENCH_DRAIN_STACKS:-taskq celery}"
out=bench/target/drain
python=/usr/bin/python3 # Debian's, with the python3-celery python3-flask python3-redis packages

bench/install-packages.sh
bench/build-taskq.sh
mvn -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/drain-classpath.txt

mkdir -p "$out"
: >"$out/runs.jsonl"
exec 9>/tmp/taskq-heavy.lock
flock 9
container_jvm=
if [[ ${BENCH_DRAIN_CONTAINER:-0} == 1 ]]; then
    container_jvm="@$PWD/payara-config/micro/container-jvm.options -XX:MaxRAM=${BENCH_DRAIN_MEMORY:-512m}"
fi
jvm_args="$container_jvm ${BENCH_DRAIN_JVM_ARGS:-}"
cds=()
if [[ ${BENCH_DRAIN_CDS:-0} == 1 ]]; then
    echo "preparing the class-data archive of a worker start…" >&2
    rm -rf "$out/cds"
    # its own queue and key prefix, so that the recording start takes no one's tasks
    JVM_ARGS=$container_jvm TASKQ_ROLE=worker TASKQ_QUEUE=taskq.drain-cds TASKQ_DEAD_LETTER_QUEUE=taskq.drain-cds.dead \
        TASKQ_REDIS_KEY_PREFIX=taskq-drain-cds \
        TASKQ_HTTP_PORT=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') \
        payara-config/micro/start-micro.sh --prepare-cds "$out/cds" >"$out/cds.log" 2>&1
    cds=(--cds-dir "$out/cds")
fi
for ((run = 1; run <= runs; run++)); do
    for stack in "${stacks[@]}"; do
        echo "run $run/$runs: $stack, $tasks tasks…" >&2
        "$python" bench/drain/drain.py "$stack" --tasks "$tasks" --workdir "$out/work-$stack" \
            --jvm-args="$jvm_args" "${cds[@]}" | tee -a "$out/runs.jsonl"
    done
done
"$python" bench/drain/drain.py summarize "$out/runs.jsonl" "$out/summary.md"

{
    echo
    echo "## Physical ceiling, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    java -cp "bench/target/classes:$(cat bench/target/drain-classpath.txt)" \
        dev.taskq.bench.drain.BrokerCeiling "$tasks" 4 2>/dev/null
    echo
    echo "Redis round trips alone (redis-benchmark, 4 clients, no pipelining):"
    echo
    echo '```'
    redis-benchmark -q -c 4 -n 100000 -t ping,set,hset,evalsha 2>/dev/null | tr '\r' '\n' | grep -v '^$' | grep 'per second' || true
    echo '```'
} | tee -a "$out/summary.md"

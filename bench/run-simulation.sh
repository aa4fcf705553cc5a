#!/usr/bin/env bash
# Runs the benchmark's Gatling simulation (bench/, profile "bench") BENCH_RUNS times (default 3) against each system
# of BENCH_TARGETS (default "taskq"; "celery" is the reference stack of bench/celery, "taskq celery" measures both,
# run by run, so that both see the same machine). Shared by run-bench.sh and run-celery-baseline.sh:
#   BENCH_TARGETS="taskq celery" bench/run-simulation.sh [-Dbench.…=…]
# Before the runs it builds taskq if the build is missing or older than the sources, and installs the Celery
# stack's Debian packages (apt-get) if they are missing. Report folders (emptied first): bench/target/report
# (taskq) and bench/target/report-celery, each with summary.md (min/median/max over the runs), summary.json,
# run-N.json, run-N.log and Gatling's HTML report of each run under run-N/; with both targets also
# bench/target/report-comparison.md (taskq ÷ Celery, run by run). Further arguments go to Maven. Exits 1 if a run
# failed or missed an assertion (errors or lost tasks).
# BENCH_REDIS_FSYNC=always (or everysec) measures with Redis persisting as the guarantee needs it: before the runs
# `redis-cli CONFIG SET appendonly yes` and `CONFIG SET appendfsync always` on the local Redis that both stacks use,
# afterwards the values it had before (also when a run fails or is interrupted). Unset (or "as-is"): Redis as it is
# (the local test default has no persistence). Each run-N.json records the mode it met (machine.redis_persistence).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${BENCH_RUNS:-3}
read -r -a targets <<<"${BENCH_TARGETS:-taskq}"

report_dir() {
    case "$1" in
        taskq) echo bench/target/report ;;
        *) echo "bench/target/report-$1" ;;
    esac
}

prepare_taskq() {
    bench/build-taskq.sh
}

prepare_celery() {
    bench/install-packages.sh
}

for target in "${targets[@]}"; do
    case "$target" in
        taskq) prepare_taskq ;;
        celery) prepare_celery ;;
        *) echo "unknown target '$target' (taskq or celery)" >&2; exit 2 ;;
    esac
    rm -rf "$(report_dir "$target")"
    mkdir -p "$(report_dir "$target")"
done
mvn -B -q -f bench/pom.xml test-compile

redis_config() {
    redis-cli -h "${BENCH_REDIS_HOST:-127.0.0.1}" CONFIG "$@"
}

# waits until Redis has no AOF rewrite running or scheduled (switching appendonly on starts one)
await_aof_rewrite() {
    while redis-cli -h "${BENCH_REDIS_HOST:-127.0.0.1}" INFO persistence \
            | grep -Eq '^aof_rewrite_(in_progress|scheduled):1'; do
        sleep 0.2
    done
}

fsync=${BENCH_REDIS_FSYNC:-as-is}
case "$fsync" in
    as-is) ;;
    always | everysec)
        previous_appendonly=$(redis_config GET appendonly | sed -n 2p)
        previous_appendfsync=$(redis_config GET appendfsync | sed -n 2p)
        restore_redis() {
            await_aof_rewrite
            redis_config SET appendfsync "$previous_appendfsync" >/dev/null
            redis_config SET appendonly "$previous_appendonly" >/dev/null
            echo "Redis persistence restored: appendonly $previous_appendonly, appendfsync $previous_appendfsync"
        }
        trap restore_redis EXIT
        redis_config SET appendonly yes >/dev/null
        redis_config SET appendfsync "$fsync" >/dev/null
        await_aof_rewrite
        echo "Redis persistence for the runs: appendonly yes, appendfsync $fsync" \
             "(was appendonly $previous_appendonly, appendfsync $previous_appendfsync)"
        ;;
    *) echo "BENCH_REDIS_FSYNC must be always, everysec or as-is, not '$fsync'" >&2; exit 2 ;;
esac

failed=0
for run in $(seq 1 "$runs"); do
    for target in "${targets[@]}"; do
        report=$(report_dir "$target")
        # CPython has no JIT to warm up: 1 000 tasks fill Celery's pools and connections (taskq's JVM needs 48 000)
        warmup=()
        [[ $target == celery ]] && warmup=(-Dbench.warmup.tasks="${BENCH_CELERY_WARMUP_TASKS:-1000}")
        echo "$target run $run/$runs (load average $(cut -d' ' -f1-3 /proc/loadavg)), log: $report/run-$run.log"
        if ! mvn -B -f bench/pom.xml -Pbench gatling:test -Dbench.target="$target" -Dbench.run="$run" \
                -Dbench.report.dir="$PWD/$report" "${warmup[@]}" "$@" >"$report/run-$run.log" 2>&1; then
            echo "  $target run $run failed or missed an assertion (errors or lost tasks): see its log" >&2
            failed=1
        fi
    done
done

for target in "${targets[@]}"; do
    report=$(report_dir "$target")
    {
        echo
        echo "## Gatling reports"
        echo
        for index in "$report"/run-*/*/index.html; do
            [[ -f $index ]] && echo "- [${index#"$report"/}](${index#"$report"/})"
        done
    } >>"$report/summary.md"
    cat "$report/summary.md"
done

if [[ " ${targets[*]} " == *" taskq "* && " ${targets[*]} " == *" celery "* ]]; then
    python3 bench/compare-reports.py bench/target/report bench/target/report-celery \
        | tee bench/target/report-comparison.md
fi
exit $failed

#!/usr/bin/env bash
# Runs the benchmark's Gatling simulation (bench/, profile "bench") BENCH_RUNS times (default 3) into one report
# folder; shared by run-bench.sh (taskq) and run-celery-baseline.sh (the Celery reference stack):
#   bench/run-simulation.sh REPORT_DIR [-Dbench.…=…]
# REPORT_DIR (relative to the repository root) is emptied first; it gets summary.md (min/median/max over the runs),
# summary.json, run-N.json, run-N.log and Gatling's HTML report of each run under run-N/. Further arguments go to
# Maven. Exits 1 if a run failed or missed an assertion (errors or lost tasks).
set -euo pipefail
cd "$(dirname "$0")/.."

report=${1:?usage: bench/run-simulation.sh REPORT_DIR [maven arguments]}
shift
runs=${BENCH_RUNS:-3}

rm -rf "$report"
mkdir -p "$report"
mvn -B -q -f bench/pom.xml test-compile

failed=0
for run in $(seq 1 "$runs"); do
    echo "run $run/$runs (load average $(cut -d' ' -f1-3 /proc/loadavg)), log: $report/run-$run.log"
    if ! mvn -B -f bench/pom.xml -Pbench gatling:test -Dbench.run="$run" -Dbench.report.dir="$PWD/$report" "$@" \
            >"$report/run-$run.log" 2>&1; then
        echo "  run $run failed or missed an assertion (errors or lost tasks): see its log" >&2
        failed=1
    fi
done

{
    echo
    echo "## Gatling reports"
    echo
    for index in "$report"/run-*/*/index.html; do
        [[ -f $index ]] && echo "- [${index#"$report"/}](${index#"$report"/})"
    done
} >>"$report/summary.md"
cat "$report/summary.md"
exit $failed

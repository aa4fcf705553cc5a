#!/usr/bin/env bash
# The taskq benchmark in one command (README, "Performance"):
#   bench/run-bench.sh [-Dbench.…=…]
# builds taskq if needed, then runs the Gatling simulation (bench/, profile "bench") BENCH_RUNS times (default 3).
# Each run starts its own Payara Micro instance from micro/target with TASKQ_WORK_DELAY_MS=0 on a free port, with
# its own queue and Redis key prefix, warms it up, runs burst-16, burst-64, steady-50, steady-200 and steady-500,
# then stops it and deletes its queue and keys. Results: bench/target/report/summary.md (min/median/max over the
# runs), summary.json, run-N.json, and Gatling's HTML report of each run under run-N/.
# Extra arguments go to Maven, e.g. -Dbench.steady.seconds=30 or
# -Dbench.instance.jvm-args="-Xmx512m -XX:StartFlightRecording=filename=bench/target/taskq.jfr".
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${BENCH_RUNS:-3}
report=bench/target/report

war=micro/target/taskq.war
if [[ ! -f $war || ! -f micro/target/payara/payara-micro.jar \
      || -n $(find pom.xml rabbitmq-ra ejb web micro/pom.xml micro/src -newer "$war" -type f \
              -not -path '*/target/*' -print -quit) ]]; then
    echo "building taskq (rabbitmq-ra, ejb, web, micro; tests skipped)…"
    mvn -B -q -Dmaven.test.skip=true -pl micro -am package
fi

rm -rf "$report"
mkdir -p "$report"
mvn -B -q -f bench/pom.xml test-compile

failed=0
for run in $(seq 1 "$runs"); do
    echo "run $run/$runs (load average $(cut -d' ' -f1-3 /proc/loadavg)), log: $report/run-$run.log"
    if ! mvn -B -f bench/pom.xml -Pbench gatling:test -Dbench.run="$run" "$@" >"$report/run-$run.log" 2>&1; then
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

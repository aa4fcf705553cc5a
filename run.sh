#!/usr/bin/env bash
# taskq — build if needed, then run.
#   ./run.sh          one Payara Micro instance (rabbitmq-ra.rar + taskq.war) on http://localhost:${TASKQ_HTTP_PORT:-8080}
#   ./run.sh server   taskq.ear on Payara Server 6 with its admin console (see payara-config/server/)
# Settings: TASKQ_* environment variables (README.md, "Configuration").
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-micro}
http_port=${TASKQ_HTTP_PORT:-8080}

artifacts=(micro/target/taskq.war micro/target/payara/payara-micro.jar micro/target/payara/rabbitmq-ra.rar ear/target/taskq.ear)

needs_build() {
    local a
    for a in "${artifacts[@]}"; do
        [[ -f $a ]] || return 0
    done
    # rebuild when any source or pom is newer than the WAR
    [[ -n $(find pom.xml */pom.xml */src -newer micro/target/taskq.war -type f -print -quit 2>/dev/null) ]]
}

reachable() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

check_services() {
    local rh=${TASKQ_RABBITMQ_HOST:-127.0.0.1} rp=${TASKQ_RABBITMQ_PORT:-5672}
    local dh=${TASKQ_REDIS_HOST:-127.0.0.1} dp=${TASKQ_REDIS_PORT:-6379}
    local ok=1
    if ! reachable "$rh" "$rp"; then
        echo "RabbitMQ is not reachable at $rh:$rp." >&2
        echo "  Start it (sudo rabbitmq-server -detached) or point TASKQ_RABBITMQ_HOST/TASKQ_RABBITMQ_PORT at one." >&2
        ok=0
    fi
    if ! reachable "$dh" "$dp"; then
        echo "Redis is not reachable at $dh:$dp." >&2
        echo "  Start it (redis-server --daemonize yes) or point TASKQ_REDIS_HOST/TASKQ_REDIS_PORT at one." >&2
        ok=0
    fi
    [[ $ok == 1 ]] || exit 1
}

if needs_build; then
    echo "Building taskq (mvn package, tests not built)…"
    mvn -B -q -Dmaven.test.skip=true package
fi
check_services

case "$mode" in
    micro)
        echo "Starting taskq on Payara Micro: http://localhost:$http_port/  (API: /api/tasks, Ctrl-C stops)"
        if [[ -z ${TASKQ_ADMIN_PASSWORD_HASH:-} ]]; then
            echo "Dashboard: http://localhost:$http_port/dashboard/ (user admin); its password is generated and printed"
            echo "  below as 'taskq dashboard login' (set TASKQ_ADMIN_PASSWORD_HASH to choose one, see README)."
        fi
        # shellcheck disable=SC2086
        exec java ${JAVA_OPTS:-} -jar micro/target/payara/payara-micro.jar \
            --nocluster \
            --port "$http_port" \
            --prebootcommandfile payara-config/micro-pre-boot.asadmin \
            --postbootcommandfile payara-config/micro-post-boot.asadmin \
            --deploy micro/target/payara/rabbitmq-ra.rar \
            --deploy "micro/target/taskq.war:/"
        ;;
    server)
        exec payara-config/server/run-server.sh
        ;;
    *)
        echo "usage: $0 [micro|server]" >&2
        exit 2
        ;;
esac

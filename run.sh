#!/usr/bin/env bash
# taskq — build if needed, then run.
#   ./run.sh          one Payara Micro instance (rabbitmq-ra.rar + taskq.war) on http://localhost:${TASKQ_HTTP_PORT:-8080},
#                     started by the one launcher payara-config/micro/start-micro.sh (the containers' entrypoint)
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
    # only the modules whose artifacts it runs (and what they need): the test modules depend on test jars, which a
    # build without tests does not make
    mvn -B -q -Dmaven.test.skip=true -pl micro,ear -am package
fi
check_services

case "$mode" in
    micro)
        # class-data sharing: once per build, one start that deploys and exits records the classes a start loads
        # (start-micro.sh --prepare-cds, as the container image does); every later start maps them from there
        cds=micro/target/cds
        if [[ ! -f $cds/taskq.jsa || micro/target/taskq.war -nt $cds/taskq.jsa ]]; then
            echo "Preparing the class-data archive of this build for faster starts (once, about 30 s)…"
            rm -rf "$cds"
            payara-config/micro/start-micro.sh --prepare-cds "$cds" >micro/target/cds.log 2>&1 \
                || echo "  that failed (micro/target/cds.log); starting without it"
        fi
        [[ -f $cds/taskq.jsa ]] && export TASKQ_CDS_DIR=$PWD/$cds
        echo "Starting taskq on Payara Micro: http://localhost:$http_port/  (API: /api/tasks, Ctrl-C stops)"
        # the one launcher (also the containers' entrypoint); once the instance is ready, the URLs and the
        # dashboard login are repeated as the last lines
        TASKQ_HTTP_PORT=$http_port payara-config/micro/start-micro.sh 2>&1 | awk -v port="$http_port" '
            { print; fflush() }
            /taskq dashboard login:/ { login = $0; sub(/^ +/, "", login) }
            /Payara Micro .* ready in/ {
                print ""
                print "taskq is ready:  http://localhost:" port "/   API /api/tasks   health /health/ready"
                print "dashboard:       http://localhost:" port "/dashboard/"
                if (login != "") print "                 " login " (set TASKQ_ADMIN_PASSWORD_HASH to choose one: payara-config/password-hash.sh)"
                fflush()
            }'
        ;;
    server)
        exec payara-config/server/run-server.sh
        ;;
    *)
        echo "usage: $0 [micro|server]" >&2
        exit 2
        ;;
esac

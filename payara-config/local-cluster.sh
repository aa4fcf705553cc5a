#!/usr/bin/env bash
# The topology of docker-compose.yml as plain processes on this machine, against the local RabbitMQ and Redis:
# the admin node (Payara Server running taskq.ear, its console showing the data grid), 1 web instance and N worker
# instances of Payara Micro joined to the admin node's Domain Data Grid. The Micro instances are started by
# micro/start-micro.sh, the containers' entrypoint, with the same TASKQ_* settings the compose file gives them;
# the admin node is made by server/domain.sh, as ./run.sh server makes it, plus the data grid (server/data-grid.sh).
# "up" copies the built deployables (micro/target, ear/target) into the cluster's folder first, as an image would.
#
#   local-cluster.sh up [workers]   start everything (2 workers by default) and wait until all are ready
#   local-cluster.sh down           stop everything (Micro instances with SIGTERM, then the admin node)
#   local-cluster.sh status         each node: running, ready, its URL; and the data grid's members
#   local-cluster.sh stop NAME      stop one Micro instance (web, worker-1, ...) with SIGTERM, as docker stop does
#   local-cluster.sh start NAME     start it again (it rejoins the data grid and, for a worker, the queue)
#
# Settings (environment, read by "up" and kept for the other commands in <TASKQ_CLUSTER_DIR>/cluster.env):
#   TASKQ_CLUSTER_DIR       where the cluster keeps its pid files, logs and admin domain (target/local-cluster);
#                           also needed by the other commands when it is not the default
#   TASKQ_CLUSTER_PORTBASE  ports from this base (18500): admin node base+0..99 (console base+48, HTTP base+80),
#                           its data grid base+100; web HTTP base+110, worker-i HTTP base+110+i; Micro data grid
#                           ports from base+120 (10 per instance)
#   TASKQ_CLUSTER_NAME      the data grid's name (taskq-local)
#   TASKQ_QUEUE, TASKQ_REDIS_KEY_PREFIX   the cluster's own queue and Redis keys (taskq.local.tasks, taskq-local)
#   TASKQ_ADMIN_PASSWORD    the admin console's password (generated once, kept in <TASKQ_CLUSTER_DIR>)
#   TASKQ_ADMIN_ROLE        the admin node's role (web: it serves the dashboard and consumes nothing)
#   TASKQ_MICRO_HEAP        heap of each Micro instance (512m)
#   TASKQ_*                 every other application setting, passed to all nodes (README, "Configuration")
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
state=${TASKQ_CLUSTER_DIR:-$root/target/local-cluster}
case "$state" in /*) ;; *) state=$root/$state ;; esac
export TERM=${TERM:-dumb}

die() {
    echo "local-cluster.sh: $*" >&2
    exit 1
}

# ---- settings: fixed by "up", re-read by every other command ----
save_settings() {
    mkdir -p "$state"
    {
        echo "base=${TASKQ_CLUSTER_PORTBASE:-18500}"
        echo "workers=$1"
        printf 'export TASKQ_CLUSTER_NAME=%q\n' "${TASKQ_CLUSTER_NAME:-taskq-local}"
        printf 'export TASKQ_QUEUE=%q\n' "${TASKQ_QUEUE:-taskq.local.tasks}"
        printf 'export TASKQ_REDIS_KEY_PREFIX=%q\n' "${TASKQ_REDIS_KEY_PREFIX:-taskq-local}"
        # every other application setting of this shell, for the nodes started later (start NAME)
        local var
        for var in $(compgen -e | grep '^TASKQ_' | grep -vE '^TASKQ_(CLUSTER_NAME|CLUSTER_DIR|QUEUE|REDIS_KEY_PREFIX|ADMIN_PASSWORD)$'); do
            printf 'export %s=%q\n' "$var" "${!var}"
        done
    } >"$state/cluster.env"
}
load_settings() {
    [[ -r $state/cluster.env ]] || die "no local cluster was started here (local-cluster.sh up)"
    # shellcheck source=/dev/null
    source "$state/cluster.env"
    das_grid_port=$((base + 100))
    admin_http=$((base + 80)) console=$((base + 48))
}

payara=${TASKQ_SERVER_DIR:-$root/target/payara-server}/payara6
# the cluster's own copy of the deployables, made by "up" (as an image holds its own): a node started again later
# runs what the others run, even when the build has rewritten micro/target and ear/target meanwhile
deployables=$state/deployables
artifacts=(micro/target/taskq.war micro/target/payara/payara-micro.jar micro/target/payara/rabbitmq-ra.rar ear/target/taskq.ear)
passwordfile=$state/admin.passwordfile
domain() { "$here/server/domain.sh" "$@" --payara "$payara" --domaindir "$state/domains"; }
asadmin_remote() {
    "$payara/bin/asadmin" --interactive=false --port "$console" --user admin --passwordfile "$passwordfile" "$@"
}

# ---- Payara Micro instances: web (index 0) and worker-1..N ----
index_of() {
    case "$1" in
        web) echo 0 ;;
        worker-[1-9] | worker-[1-9][0-9]) echo "${1#worker-}" ;;
        *) die "no instance '$1' (web, worker-1, worker-2, ...)" ;;
    esac
}
http_port_of() { echo $((base + 110 + $(index_of "$1"))); }
pid_of() { cat "$state/$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; }
instances() {
    echo web
    local i
    for ((i = 1; i <= workers; i++)); do echo "worker-$i"; done
}

start_instance() {
    local name=$1 index role=worker
    index=$(index_of "$name")
    [[ $name == web ]] && role=web
    alive "$name" && die "$name is already running (pid $(pid_of "$name"))"
    (
        export TASKQ_ROLE=$role TASKQ_INSTANCE_NAME=$name TASKQ_HTTP_PORT=$((base + 110 + index))
        export TASKQ_DAS_HOST=127.0.0.1 TASKQ_DAS_GRID_PORT=$das_grid_port TASKQ_GRID_INTERFACE=127.0.0.1
        export TASKQ_GRID_PORT=$((base + 120 + 10 * index)) JVM_ARGS="-Xmx${TASKQ_MICRO_HEAP:-512m} ${JVM_ARGS:-}"
        export TASKQ_MICRO_JAR=$deployables/payara-micro.jar TASKQ_RAR=$deployables/rabbitmq-ra.rar
        export TASKQ_WAR=$deployables/taskq.war
        # a session of its own: a Ctrl-C meant for the caller does not reach it
        setsid "$here/micro/start-micro.sh" >>"$state/$name.log" 2>&1 </dev/null &
        echo $! >"$state/$name.pid"
    )
    echo "$name: starting (pid $(pid_of "$name"), http://127.0.0.1:$(http_port_of "$name")/, log $state/$name.log)"
}

await_ready() { # name...
    local name deadline=$((SECONDS + ${TASKQ_CLUSTER_START_TIMEOUT:-300}))
    for name in "$@"; do
        until "$here/healthcheck.sh" "$(http_port_of "$name")"; do
            alive "$name" || die "$name exited while starting; see $state/$name.log"
            ((SECONDS < deadline)) || die "$name is not ready after ${TASKQ_CLUSTER_START_TIMEOUT:-300} s; see $state/$name.log"
            sleep 1
        done
        echo "$name: ready"
    done
}

stop_instances() { # name...: SIGTERM to all, then wait (a worker finishes its tasks in hand first)
    local name pid
    for name in "$@"; do
        alive "$name" && kill -TERM "$(pid_of "$name")"
    done
    for name in "$@"; do
        pid=$(pid_of "$name")
        [[ -n $pid ]] || continue
        for ((i = 0; i < 600; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "$name: still running 60 s after SIGTERM, killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$state/$name.pid"
        echo "$name: stopped"
    done
}

# ---- the admin node ----
admin_up() {
    echo "admin: Payara Server from Maven (unpacked once into $(dirname "$payara"))…"
    mvn -B -q -f "$root/ear/pom.xml" dependency:unpack@payara-server -Dpayara.server.dir="$(dirname "$payara")" >/dev/null ||
        die "could not fetch Payara Server"
    if [[ -n ${TASKQ_ADMIN_PASSWORD:-} ]]; then
        (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$TASKQ_ADMIN_PASSWORD" >"$passwordfile")
    elif ! grep -q '^AS_ADMIN_PASSWORD=.' "$passwordfile" 2>/dev/null; then
        (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" >"$passwordfile")
    fi
    TASKQ_GRID_INTERFACE=127.0.0.1 TASKQ_DAS_GRID_PORT=$das_grid_port "$here/server/data-grid.sh" --dynamic \
        >"$state/data-grid.asadmin"
    # the server inherits this environment: the application's settings, its role and name
    env -u TASKQ_ADMIN_PASSWORD TASKQ_ROLE="${TASKQ_ADMIN_ROLE:-web}" TASKQ_INSTANCE_NAME=admin \
        "$here/server/domain.sh" up --payara "$payara" --domaindir "$state/domains" --portbase "$base" \
        --passwordfile "$passwordfile" --ear "$deployables/taskq.ear" --commands "$state/data-grid.asadmin"
}

grid_members() { asadmin_remote list-hazelcast-cluster-members 2>&1; }

status() {
    local name
    printf '%-10s %-8s %-6s %s\n' node pid ready url
    printf '%-10s %-8s %-6s %s\n' admin "$(cat "$state/domains/taskq/config/pid" 2>/dev/null || echo -)" \
        "$("$here/healthcheck.sh" "$admin_http" && echo yes || echo no)" \
        "http://127.0.0.1:$admin_http/ (console http://127.0.0.1:$console/)"
    for name in $(instances); do
        printf '%-10s %-8s %-6s %s\n' "$name" "$(alive "$name" && pid_of "$name" || echo -)" \
            "$("$here/healthcheck.sh" "$(http_port_of "$name")" && echo yes || echo no)" \
            "http://127.0.0.1:$(http_port_of "$name")/"
    done
    echo
    echo "Data grid $TASKQ_CLUSTER_NAME (asadmin list-hazelcast-cluster-members):"
    grid_members
}

command=${1:-}
case "$command" in
    up)
        workers=${2:-2}
        [[ $workers =~ ^[1-9][0-9]?$ ]] || die "workers: a number from 1 to 99, not '$workers'"
        for f in "${artifacts[@]}"; do
            [[ -r $root/$f ]] || die "missing $f: build first (mvn -B package -DskipTests)"
        done
        if [[ -r $state/cluster.env ]]; then
            load_settings
            for name in $(instances); do
                if alive "$name"; then die "a local cluster is running here: local-cluster.sh down first"; fi
            done
        fi
        save_settings "$workers"
        load_settings
        rm -rf "$deployables" "$state"/*.log
        mkdir -p "$deployables"
        for f in "${artifacts[@]}"; do cp "$root/$f" "$deployables/"; done
        trap 'status=$?; if ((status)); then echo "start-up failed: stopping what started" >&2; "$0" down; fi' EXIT
        admin_up
        for name in $(instances); do start_instance "$name"; done
        # shellcheck disable=SC2046
        await_ready $(instances)
        trap - EXIT
        echo
        echo "taskq local cluster is up: web http://127.0.0.1:$(http_port_of web)/ , admin console" \
            "http://127.0.0.1:$console/ (user admin, password in $passwordfile)"
        ;;
    down)
        [[ -r $state/cluster.env ]] || exit 0
        load_settings
        # shellcheck disable=SC2046
        stop_instances $(for f in "$state"/*.pid; do [[ -e $f ]] && basename "$f" .pid; done)
        [[ -x $payara/bin/asadmin ]] && domain down
        ;;
    status)
        load_settings
        status
        ;;
    stop)
        load_settings
        [[ -n ${2:-} ]] || die "usage: local-cluster.sh stop NAME"
        index_of "$2" >/dev/null
        stop_instances "$2"
        ;;
    start)
        load_settings
        [[ -n ${2:-} ]] || die "usage: local-cluster.sh start NAME"
        start_instance "$2"
        await_ready "$2"
        ;;
    *)
        die "usage: local-cluster.sh up [workers] | down | status | stop NAME | start NAME"
        ;;
esac

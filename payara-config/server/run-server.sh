#!/usr/bin/env bash
# ./run.sh server: taskq.ear on Payara Server 6 (full profile) with its admin console, in a private domain under
# target/payara-server/. Fetches Payara Server through Maven (the version pinned in the parent pom), makes the
# domain and deploys the EAR (domain.sh), prints where the application and the console are, then shows the server
# log until Ctrl-C, which stops the server.
#
# Settings (environment):
#   TASKQ_HTTP_PORT        the application's HTTP port (8080)
#   TASKQ_ADMIN_PORT       the admin console's port (4848)
#   TASKQ_SERVER_PORTBASE  instead of the two above: every port from this base (HTTP base+80, console base+48, ...)
#   TASKQ_ADMIN_USER       the console's user (admin)
#   TASKQ_ADMIN_PASSWORD   its password; when unset, one is generated once and kept in
#                          target/payara-server/admin.passwordfile
#   TASKQ_SERVER_DIR       where Payara Server and the domain live (target/payara-server)
#   TASKQ_*                the application's settings, as for Payara Micro (README, "Configuration")
# run.sh has built the EAR and checked that RabbitMQ and Redis answer before it calls this script.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TASKQ_SERVER_DIR:-$root/target/payara-server}
case "$work" in /*) ;; *) work=$root/$work ;; esac
payara=$work/payara6
domaindir=$work/domains
passwordfile=$work/admin.passwordfile
ear=$root/ear/target/taskq.ear
user=${TASKQ_ADMIN_USER:-admin}

echo "Payara Server $(sed -n 's:.*<payara.server.version>\(.*\)</payara.server.version>.*:\1:p' "$root/pom.xml") from Maven (unpacked once into $work)…"
mvn_out=$(mvn -B -q -f "$root/ear/pom.xml" dependency:unpack@payara-server -Dpayara.server.dir="$work" 2>&1) || {
    echo "$mvn_out" >&2
    exit 1
}

mkdir -p "$work"
write_password() { (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$1" >"$passwordfile"); }
if [[ -n ${TASKQ_ADMIN_PASSWORD:-} ]]; then
    write_password "$TASKQ_ADMIN_PASSWORD"
    password_note="from TASKQ_ADMIN_PASSWORD"
elif ! grep -q '^AS_ADMIN_PASSWORD=.' "$passwordfile" 2>/dev/null; then
    write_password "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    password_note="generated; kept in $passwordfile for the next runs"
else
    password_note="kept in $passwordfile; set TASKQ_ADMIN_PASSWORD to choose another"
fi
password=$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$passwordfile")

if [[ -n ${TASKQ_SERVER_PORTBASE:-} ]]; then
    ports=(--portbase "$TASKQ_SERVER_PORTBASE")
    http_port=$((TASKQ_SERVER_PORTBASE + 80)) admin_port=$((TASKQ_SERVER_PORTBASE + 48))
else
    http_port=${TASKQ_HTTP_PORT:-8080} admin_port=${TASKQ_ADMIN_PORT:-4848}
    ports=(--httpport "$http_port" --adminport "$admin_port")
fi

domain() {
    # the server inherits this environment (the TASKQ_* settings), but not the console's credentials
    env -u TASKQ_ADMIN_PASSWORD -u TASKQ_ADMIN_USER "$root/payara-config/server/domain.sh" "$@" \
        --payara "$payara" --domaindir "$domaindir"
}

stopping=false
stop() {
    $stopping && return
    stopping=true
    echo
    echo "Stopping Payara Server…"
    domain down
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# on failure, domain.sh has stopped what it started and said why
domain up "${ports[@]}" --user "$user" --passwordfile "$passwordfile" --ear "$ear" || exit 1

cat <<EOF

taskq.ear is running on Payara Server:
  application    http://localhost:$http_port/   (REST API: http://localhost:$http_port/api/tasks)
  admin console  http://localhost:$admin_port/   (the first visit takes up to a minute to load)
                 user: $user   password: $password   ($password_note)
  server log     $domaindir/taskq/logs/server.log
Ctrl-C stops the server.

EOF

log=$domaindir/taskq/logs/server.log
server_pid=$(cat "$domaindir/taskq/config/pid")
tail -n 0 -F --pid="$server_pid" "$log" &
wait $! || true
if ! $stopping; then
    echo "Payara Server has stopped (see $log)." >&2
    exit 1
fi

#!/usr/bin/env bash
# The taskq domain of Payara Server 6: create it (again, when its settings changed), start it, deploy taskq.ear;
# or stop it. ./run.sh server (run-server.sh) and the EAR's integration tests (ear/pom.xml) both go through here,
# so the tests run the same set-up a user gets.
#
#   domain.sh up   --payara DIR --domaindir DIR --passwordfile FILE [--ear FILE]
#                  [--portbase N | --adminport N --httpport N] [--user NAME] [--commands FILE]...
#   domain.sh down --payara DIR --domaindir DIR
#
#   --payara        the unpacked Payara Server (the folder holding bin/asadmin)
#   --domaindir     the folder holding the domain "taskq" (created when missing)
#   --passwordfile  asadmin password file with AS_ADMIN_PASSWORD=<the admin password>
#   --portbase      every port from one base: admin = base+48, HTTP = base+80, HTTPS = base+81, ...
#   --adminport, --httpport   the admin (console) and HTTP ports, the other ports at Payara's defaults
#   --commands      a further asadmin command file, run after the standard ones (e.g. a test's settings)
#   --ear           taskq.ear, deployed and waited for; without it the domain is only made and configured (the
#                   admin container image, ../docker/Dockerfile.server, deploys the EAR when the container starts)
#
# A new domain is configured by the asadmin command files ../micro-pre-boot.asadmin and ../micro-post-boot.asadmin
# (what Payara Micro and Payara Server share; the server restarts when a setting needs it), domain.asadmin (Payara
# Server only) and the --commands files, in that order. The domain
# is kept between runs; it is made anew when the Payara version, a command file, a port, the admin user or the
# password differ from those it was made with. The application settings are not here: they are the taskq.*
# MicroProfile Config keys, from TASKQ_* environment variables of this process (the server inherits them) or
# from system properties set by a command file.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
readonly here
readonly domain=taskq app=taskq
export TERM=${TERM:-dumb} # asadmin's multimode wants a terminal type

die() {
    echo "domain.sh: $*" >&2
    exit 1
}

action=${1:-}
[[ $action == up || $action == down ]] || die "usage: domain.sh up|down --payara DIR --domaindir DIR ... (see the header)"
shift
payara='' domaindir='' passwordfile='' ear='' portbase='' adminport='' httpport='' user=admin
commands=("$here/../micro-pre-boot.asadmin" "$here/../micro-post-boot.asadmin" "$here/domain.asadmin")
while (($#)); do
    (($# >= 2)) || die "$1 needs a value"
    case "$1" in
        --payara) payara=$2 ;;
        --domaindir) domaindir=$2 ;;
        --passwordfile) passwordfile=$2 ;;
        --ear) ear=$2 ;;
        --portbase) portbase=$2 ;;
        --adminport) adminport=$2 ;;
        --httpport) httpport=$2 ;;
        --user) user=$2 ;;
        --commands) commands+=("$2") ;;
        *) die "unknown option $1" ;;
    esac
    shift 2
done
[[ -x $payara/bin/asadmin ]] || die "no Payara Server at '$payara' (--payara)"
[[ -n $domaindir ]] || die "--domaindir is required"
asadmin=("$payara/bin/asadmin" --interactive=false)
domain_home=$domaindir/$domain

quietly() { # runs a command, showing its output only when it fails
    local out
    out=$("$@" 2>&1) || {
        echo "$out" >&2
        return 1
    }
}

running() {
    "${asadmin[@]}" list-domains --domaindir "$domaindir" 2>/dev/null | grep -q "^$domain running"
}

stop() {
    if [[ -d $domain_home ]] && running; then
        quietly "${asadmin[@]}" stop-domain --domaindir "$domaindir" "$domain" ||
            quietly "${asadmin[@]}" stop-domain --kill=true --domaindir "$domaindir" "$domain"
        echo "Payara Server domain $domain stopped."
    fi
}

if [[ $action == down ]]; then
    stop
    exit 0
fi

[[ -r $passwordfile ]] && grep -q '^AS_ADMIN_PASSWORD=.' "$passwordfile" ||
    die "--passwordfile must name a file with a line AS_ADMIN_PASSWORD=<password>"
[[ -z $ear || -r $ear ]] || die "no EAR at '$ear' (--ear)"
if [[ -n $portbase ]]; then
    [[ -z $adminport$httpport ]] || die "give --portbase or --adminport/--httpport, not both"
    ports=(--portbase "$portbase")
    adminport=$((portbase + 48)) httpport=$((portbase + 80))
else
    adminport=${adminport:-4848} httpport=${httpport:-8080}
    ports=(--adminport "$adminport" --instanceport "$httpport")
fi
remote=("${asadmin[@]}" --port "$adminport" --user "$user" --passwordfile "$passwordfile")
settings_file=$domain_home/config/taskq-settings.sha256
deployed_file=$domain_home/config/taskq-ear.sha256
log=$domain_home/logs/server.log

settings() {
    {
        cat "$payara/glassfish/config/branding/glassfish-version.properties"
        echo "${ports[*]} $user"
        cat "$passwordfile"
        local f
        for f in "${commands[@]}"; do
            echo "== $f"
            cat "$f"
        done
    } | sha256sum | cut -d' ' -f1
}

elapsed() { # seconds since $1 (date +%s%N), to a tenth
    local ms=$((($(date +%s%N) - $1) / 1000000))
    printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

# taskq answers its REST API: a problem (application/problem+json) for a task that does not exist
app_ready() {
    local reply
    reply=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
        printf "GET /api/tasks/00000000-0000-0000-0000-000000000000 HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 &&
        head -c 4096 <&3' _ "$httpport" 2>/dev/null) || return 1
    grep -qi '^content-type: application/problem+json' <<<"${reply//$'\r'/}"
}

# The server runs in a session of its own, so that a Ctrl-C meant for run-server.sh (which then stops the domain
# in order) or a signal to the Maven build does not reach it. start-domain returns before the deployed
# applications are started (Payara 6): when taskq is deployed, this waits until it answers or has failed to
# start, so that a redeployment does not collide with its start.
start() {
    local t0 detach=() offset
    command -v setsid >/dev/null && detach=(setsid --wait)
    offset=$(stat -c %s "$log" 2>/dev/null || echo 0)
    t0=$(date +%s%N)
    quietly "${detach[@]}" "${asadmin[@]}" start-domain --domaindir "$domaindir" "$domain"
    echo "Payara Server started in $(elapsed "$t0") s."
    if grep -q "<application [^>]*name=\"$app\"" "$domain_home/config/domain.xml"; then
        t0=$(date +%s%N)
        for ((i = 0; i < 360; i++)); do
            app_ready && break
            (($(stat -c %s "$log") >= offset)) || offset=0 # the log was rotated
            tail -c +$((offset + 1)) "$log" | grep -q "Exception while loading the app" && break
            sleep 0.5
        done
        echo "taskq.ear started with the server in $(elapsed "$t0") s more."
    fi
}

# Runs asadmin command files against the running domain; multimode goes on after a failed command and still
# exits 0, so failures are found in its output.
run_commands() {
    local f out
    for f in "$@"; do
        out=$("${remote[@]}" multimode --file "$f" 2>&1) || {
            echo "$out" >&2
            return 1
        }
        if grep -q '^Command .* failed' <<<"$out"; then
            echo "$out" >&2
            echo "domain.sh: a command of $f failed" >&2
            return 1
        fi
    done
}

stop
wanted=$(settings)
if [[ -d $domain_home && $(cat "$settings_file" 2>/dev/null) != "$wanted" ]]; then
    echo "The settings of domain $domain changed: making it anew."
    rm -rf "$domain_home"
fi

fresh=false
if [[ ! -d $domain_home ]]; then
    mkdir -p "$domaindir"
    echo "Creating Payara Server domain $domain in $domaindir (${ports[*]})…"
    quietly "${asadmin[@]}" --user "$user" --passwordfile "$passwordfile" create-domain --domaindir "$domaindir" \
        "${ports[@]}" "$domain"
    fresh=true
fi

# from here on, a failure leaves no server behind; a domain left unconfigured (no settings file) is made anew
# by the next run, and its log stays for a look meanwhile
trap 'status=$?; if ((status)); then stop; fi' EXIT
start

if $fresh; then
    run_commands "${commands[@]}" || die "the domain could not be configured"
    if [[ $("${remote[@]}" _get-restart-required 2>/dev/null | head -1) == true ]]; then
        stop
        start
    fi
    echo "$wanted" >"$settings_file"
fi

if [[ -z $ear ]]; then
    trap - EXIT
    echo "Payara Server domain $domain is configured and running (no EAR given)."
    exit 0
fi
ear_sum=$(sha256sum "$ear" | cut -d' ' -f1)
if [[ $(cat "$deployed_file" 2>/dev/null) != "$ear_sum" ]] ||
    ! "${remote[@]}" list-applications 2>/dev/null | grep -q "^$app "; then
    t0=$(date +%s%N)
    quietly "${remote[@]}" deploy --force=true --name "$app" "$ear" ||
        die "deploying $ear failed; see $log"
    echo "$ear_sum" >"$deployed_file"
    echo "taskq.ear deployed in $(elapsed "$t0") s."
fi

for ((i = 0; i < 120; i++)); do
    app_ready && break
    sleep 0.5
done
app_ready || die "taskq does not answer on port $httpport; see $log"
echo "taskq answers on http://127.0.0.1:$httpport/."

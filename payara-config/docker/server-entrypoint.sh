#!/usr/bin/env bash
# Entrypoint of taskq's admin container (Dockerfile.server): Payara Server 6 with the domain "taskq" that the image
# was built with (server/domain.sh), in the foreground as the container's one process.
#   1. the console's password becomes TASKQ_ADMIN_PASSWORD (required: the image's build password never serves)
#   2. post-boot commands: taskq's Domain Data Grid, which the Payara Micro nodes join (server/data-grid.sh:
#      TASKQ_CLUSTER_NAME, TASKQ_DAS_GRID_PORT, TASKQ_DAS_PUBLIC_ADDRESS; applied to the running data grid, as
#      Payara Server cannot run set-hazelcast-configuration before it boots), then deploys
#      /opt/payara/deployments/taskq.ear
#   4. runs the server's JVM itself (the command line start-domain --dry-run prints), so that SIGTERM from
#      "docker compose stop" reaches the server, which stops in order
# The application's settings are the TASKQ_* variables of the container (README, "Configuration").
set -euo pipefail
payara=/opt/payara/payara6
domaindir=/opt/payara/domains
passwordfile=/opt/payara/admin.passwordfile
asadmin=("$payara/bin/asadmin" --interactive=false)
export TERM=${TERM:-dumb}

[[ -n ${TASKQ_ADMIN_PASSWORD:-} ]] || {
    echo "[taskq] TASKQ_ADMIN_PASSWORD is not set: refusing to start with the image's build password" >&2
    exit 1
}
current=$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$passwordfile")
if [[ $current != "$TASKQ_ADMIN_PASSWORD" ]]; then
    change=$(mktemp)
    (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' "$current" "$TASKQ_ADMIN_PASSWORD" >"$change")
    "${asadmin[@]}" --user admin --passwordfile "$change" change-admin-password --domaindir "$domaindir" --domain_name taskq \
        >/dev/null || exit 1
    rm -f "$change"
    (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$TASKQ_ADMIN_PASSWORD" >"$passwordfile")
    echo "[taskq] admin console password set from TASKQ_ADMIN_PASSWORD"
fi
unset TASKQ_ADMIN_PASSWORD current

boot=$(mktemp -d)
/opt/payara/taskq/server/data-grid.sh --dynamic >"$boot/post-boot.asadmin"
echo "deploy --force=true --name taskq /opt/payara/deployments/taskq.ear" >>"$boot/post-boot.asadmin"

# start-domain --dry-run prints the JVM's command line, one argument a line, between its first line and a blank
# line; -read-stdin would make the server wait for a master password on stdin
mapfile -t command < <("${asadmin[@]}" start-domain --dry-run --domaindir "$domaindir" \
    --postbootcommandfile "$boot/post-boot.asadmin" taskq |
    sed -n -e '/^-read-stdin$/d' -e '2,/^$/p' | sed '/^$/d')
((${#command[@]} > 3)) || {
    echo "[taskq] asadmin start-domain --dry-run printed no command line" >&2
    exit 1
}
echo "[taskq] starting Payara Server domain taskq: console https://<this host>:4848/ (user admin)," \
    "application http://<this host>:${TASKQ_HTTP_PORT:-8080}/"
exec "${command[@]}"

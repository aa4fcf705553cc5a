#!/usr/bin/env bash
# The one launcher of a taskq Payara Micro node: starts rabbitmq-ra.rar + taskq.war in the foreground (exec: the
# JVM takes this process's pid), from TASKQ_* settings, with the pre- and post-boot command files. Every way a node
# starts goes through here, so that each runs a node exactly as a user's container does: the container image's
# entrypoint (../docker/Dockerfile.micro), ./run.sh, local-cluster.sh, the benchmark's TaskqInstance and the
# reliability suite's TaskqProcess.
#
# Settings (environment); the application reads its own TASKQ_* keys (README, "Configuration") itself:
#   TASKQ_ROLE                 all | web | worker: what the instance does (read by the application; default all)
#   TASKQ_INSTANCE_NAME        its name in the data grid and in task histories (default <role>-<hostname>)
#   TASKQ_HTTP_PORT            its HTTP port (8080)
#   TASKQ_DAS_HOST             the admin node (Payara Server DAS) whose Domain Data Grid it joins; unset: it
#                              joins nothing (--nocluster)
#   TASKQ_DAS_GRID_PORT        the DAS's data grid port (4900)
#   TASKQ_CLUSTER_NAME         the data grid's name, as set on the DAS (required with TASKQ_DAS_HOST; never use
#                              Payara's default "development", which any other Payara on the network shares)
#   TASKQ_GRID_INTERFACE       this instance's own address for the data grid (default: first of `hostname -i`)
#   TASKQ_GRID_PORT            the first data grid port it tries (6900)
#   TASKQ_GRID_PUBLIC_ADDRESS  host:port the other members reach it at, when that differs (NAT, a published
#                              container port on another host)
#   TASKQ_MICRO_JAR, TASKQ_RAR, TASKQ_WAR, TASKQ_PREBOOT, TASKQ_POSTBOOT   the deployables and the pre- and
#                              post-boot command files (defaults: the build's micro/target files,
#                              ../micro-pre-boot.asadmin and ../micro-post-boot.asadmin, as ./run.sh uses)
#   TASKQ_ROOT_DIR             Payara Micro's runtime directory (default: a new temporary one per start)
#   JAVA_HOME                  the Java to run (default: java on the PATH)
#   JVM_ARGS                   JVM options (the container image sets them for its memory limit)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

die() {
    echo "start-micro.sh: $*" >&2
    exit 1
}

role=${TASKQ_ROLE:-all}
case "$role" in all | web | worker) ;; *) die "TASKQ_ROLE must be all, web or worker, not '$role'" ;; esac
export TASKQ_ROLE=$role
export TASKQ_INSTANCE_NAME=${TASKQ_INSTANCE_NAME:-$role-$(hostname)}

jar=${TASKQ_MICRO_JAR:-$root/micro/target/payara/payara-micro.jar}
rar=${TASKQ_RAR:-$root/micro/target/payara/rabbitmq-ra.rar}
war=${TASKQ_WAR:-$root/micro/target/taskq.war}
preboot=${TASKQ_PREBOOT:-$here/../micro-pre-boot.asadmin}
postboot=${TASKQ_POSTBOOT:-$here/../micro-post-boot.asadmin}
for f in "$jar" "$rar" "$war" "$preboot" "$postboot"; do
    [[ -r $f ]] || die "missing $f (build first: mvn -B package -DskipTests)"
done

grid=(--nocluster)
if [[ -n ${TASKQ_DAS_HOST:-} ]]; then
    [[ -n ${TASKQ_CLUSTER_NAME:-} ]] || die "TASKQ_CLUSTER_NAME is required with TASKQ_DAS_HOST"
    interface=${TASKQ_GRID_INTERFACE:-$(hostname -i | awk '{print $1}')}
    grid=(--clustermode "domain:$TASKQ_DAS_HOST:${TASKQ_DAS_GRID_PORT:-4900}"
        --clustername "$TASKQ_CLUSTER_NAME"
        --interfaces "$interface"
        --startport "${TASKQ_GRID_PORT:-6900}")
    if [[ -n ${TASKQ_GRID_PUBLIC_ADDRESS:-} ]]; then
        grid+=(--hzpublicaddress "$TASKQ_GRID_PUBLIC_ADDRESS")
    fi
fi

root_dir=()
[[ -z ${TASKQ_ROOT_DIR:-} ]] || root_dir=(--rootdir "$TASKQ_ROOT_DIR")
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

echo "Starting Payara Micro instance $TASKQ_INSTANCE_NAME (role $role) on HTTP port ${TASKQ_HTTP_PORT:-8080}" \
    "${TASKQ_DAS_HOST:+in data grid $TASKQ_CLUSTER_NAME of $TASKQ_DAS_HOST:${TASKQ_DAS_GRID_PORT:-4900}}"
# shellcheck disable=SC2086 # JVM_ARGS is a list of options
exec "$java" ${JVM_ARGS:-} -jar "$jar" \
    --name "$TASKQ_INSTANCE_NAME" \
    --port "${TASKQ_HTTP_PORT:-8080}" \
    "${grid[@]}" \
    "${root_dir[@]}" \
    --prebootcommandfile "$preboot" \
    --postbootcommandfile "$postboot" \
    --deploy "$rar" \
    --deploy "$war:/"

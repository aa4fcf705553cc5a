#!/usr/bin/env bash
# The one launcher of a taskq Payara Micro node: starts rabbitmq-ra.rar + taskq.war in the foreground (exec: the
# JVM takes this process's pid), from TASKQ_* settings, with the pre- and post-boot command files. Every way a node
# starts goes through here, so that each runs a node exactly as a user's container does: the container image's
# entrypoint (../docker/Dockerfile.micro), ./run.sh, the Micro tests' MicroInstances, the benchmark's TaskqInstance
# and the reliability suite's TaskqProcess.
#
# Settings (environment); the application reads its own TASKQ_* keys (README, "Configuration") itself:
#   TASKQ_ROLE                 all | web | worker: what the instance does (read by the application; default all)
#   TASKQ_INSTANCE_NAME        its name in the data grid and in task histories (default <role>-<hostname>)
#   TASKQ_HTTP_PORT            its HTTP port (8080)
#   TASKQ_DAS_HOST             the admin node (Payara Server DAS) whose Domain Data Grid it joins; unset: it
#                              joins nothing and starts no Hazelcast at all (--nohazelcast: about 2 s less to
#                              start; taskq's own state is in Redis, its timers are not persistent)
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
#   TASKQ_ROOT_DIR             Payara Micro's runtime directory (default: a new temporary one per start); what an
#                              earlier start left there (its configuration and deployments) is removed first
#   TASKQ_CDS_DIR              a directory prepared by `start-micro.sh --prepare-cds` (the container image has one):
#                              the node starts from the launcher there, with its archive of the classes a start
#                              loads (JDK class-data sharing), and that directory is its runtime directory
#   JAVA_HOME                  the Java to run (default: java on the PATH)
#   JVM_ARGS                   JVM options, after the launcher's -XX:TieredStopAtLevel=1 (below), so they can
#                              undo it; the container image sets @container-jvm.options (for its memory limit)
#   MALLOC_ARENA_MAX           glibc's malloc arenas (default 2: one per core per thread group by default,
#                              which the JVM's many threads turn into tens of MiB)
#
#   start-micro.sh --prepare-cds DIR   makes DIR a TASKQ_CDS_DIR: Payara Micro unpacked there with its launcher
#                              (--outputlauncher), then one start with the same settings that deploys, exits
#                              (--warmup) and writes the archive of the classes it loaded (DIR/taskq.jsa)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

die() {
    echo "start-micro.sh: $*" >&2
    exit 1
}

# Forgets what an earlier start left in the runtime directory $1: its deployments and the configuration that
# registers them. Payara would deploy them again, before the resource adapter, and serve them until this start's
# own deployment replaced them, answering 500 meanwhile. The configuration goes back to the one the directory was
# prepared with (a TASKQ_CDS_DIR's pristine-config.tar) or else to Payara's defaults, as in a new directory.
forget_earlier_start() {
    rm -rf "$1/applications" "$1/generated"
    if [[ -r $1/pristine-config.tar ]]; then
        tar -C "$1" -xf "$1/pristine-config.tar"
    else
        rm -rf "$1/config"
    fi
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

grid=(--nohazelcast)
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

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# The C1 compiler only: on a node of 2 cores a fresh worker meeting a backlog spent half a core in C2 while it
# drained; with C1 only it drains about 1.7 times as fast, its first task comes about 3 s sooner and it takes about
# 50 MiB less, and warm it drains as fast as with C2 (docs/performance.md, 2026-12-03 (night)).
# JVM_ARGS="-XX:TieredStopAtLevel=4" brings C2 back.
# shellcheck disable=SC2206 # JVM_ARGS is a list of options
jvm=(-XX:TieredStopAtLevel=1 ${JVM_ARGS:-})
micro=(-jar "$jar")
if [[ -n ${TASKQ_ROOT_DIR:-} ]]; then
    forget_earlier_start "$TASKQ_ROOT_DIR"
    micro+=(--rootdir "$TASKQ_ROOT_DIR")
fi
warmup=()
if [[ ${1:-} == --prepare-cds ]]; then
    cds=${2:?usage: start-micro.sh --prepare-cds DIR}
    mkdir -p "$cds"
    "$java" -jar "$jar" --rootdir "$cds" --outputlauncher
    # the runtime directory's configuration before any start, which every start from it begins with again
    tar -C "$cds" -cf "$cds/pristine-config.tar" config
    rm -f "$cds/taskq.jsa"
    jvm+=("-XX:ArchiveClassesAtExit=$cds/taskq.jsa")
    micro=(-jar "$cds/launch-micro.jar")
    warmup=(--warmup)
elif [[ -n ${TASKQ_CDS_DIR:-} ]]; then
    [[ -r $TASKQ_CDS_DIR/launch-micro.jar ]] || die "TASKQ_CDS_DIR $TASKQ_CDS_DIR holds no launch-micro.jar"
    micro=(-jar "$TASKQ_CDS_DIR/launch-micro.jar")
    forget_earlier_start "$TASKQ_CDS_DIR"
    # an archive that does not match this JVM or these jars is ignored with a warning: the start is only slower
    [[ ! -r $TASKQ_CDS_DIR/taskq.jsa ]] || jvm+=("-XX:SharedArchiveFile=$TASKQ_CDS_DIR/taskq.jsa")
fi

echo "Starting Payara Micro instance $TASKQ_INSTANCE_NAME (role $role) on HTTP port ${TASKQ_HTTP_PORT:-8080}" \
    "${TASKQ_DAS_HOST:+in data grid $TASKQ_CLUSTER_NAME of $TASKQ_DAS_HOST:${TASKQ_DAS_GRID_PORT:-4900}}"
exec "$java" "${jvm[@]}" "${micro[@]}" \
    --name "$TASKQ_INSTANCE_NAME" \
    --port "${TASKQ_HTTP_PORT:-8080}" \
    "${grid[@]}" \
    --prebootcommandfile "$preboot" \
    --postbootcommandfile "$postboot" \
    --deploy "$rar" \
    --deploy "$war:/" \
    "${warmup[@]}"

#!/usr/bin/env bash
# Prints the asadmin command that makes this Payara Server DAS the centre of taskq's Domain Data Grid, for the
# Payara Micro instances to join (start-micro.sh: --clustermode domain:<DAS host>:<port> --clustername <name>).
# The admin container's entrypoint (../docker/server-entrypoint.sh) puts it in the server's post-boot commands.
#
# Settings (environment):
#   TASKQ_CLUSTER_NAME        the data grid's name (required: Payara's default "development" is shared with any
#                             other Payara on the network)
#   TASKQ_DAS_GRID_PORT       the DAS's data grid port (4900)
#   TASKQ_GRID_INTERFACE      the DAS's own address to listen on (default: first of `hostname -i`)
#   TASKQ_DAS_PUBLIC_ADDRESS  the address the Micro instances reach the DAS at, when it differs from the above
#                             (another host, a published container port)
# With --dynamic the setting also applies at once to the running DAS: both users run it on a running server
# (Payara Server refuses set-hazelcast-configuration in pre-boot commands: its data grid service is not up yet).
set -euo pipefail
dynamic=
[[ ${1:-} == --dynamic ]] && dynamic=" --dynamic=true"

[[ -n ${TASKQ_CLUSTER_NAME:-} ]] || {
    echo "data-grid.sh: TASKQ_CLUSTER_NAME is required" >&2
    exit 1
}
interface=${TASKQ_GRID_INTERFACE:-$(hostname -i | awk '{print $1}')}
echo "# taskq's Domain Data Grid: its name and where the DAS listens (made by data-grid.sh)"
echo "set-hazelcast-configuration --enabled=true --clustermode=domain --clustername=$TASKQ_CLUSTER_NAME" \
    "--dasport=${TASKQ_DAS_GRID_PORT:-4900} --dasbindaddress=$interface" \
    "--daspublicaddress=${TASKQ_DAS_PUBLIC_ADDRESS:-$interface} --interfaces=$interface$dynamic"

#!/usr/bin/env bash
# TEST images for the compose tests (ComposeStackIT), made here because Docker Hub cannot be reached from CI:
#   taskq-test/debian:bookworm   a Debian 12 base made with debootstrap (--variant=minbase), in place of the
#                                official debian:bookworm-slim that payara-config/docker/Dockerfile.* start FROM
#   taskq-test/rabbitmq:latest   Debian's rabbitmq-server, honouring what docker-compose.yml relies on from the
#                                official rabbitmq:4.x-management image: RABBITMQ_DEFAULT_USER/PASS/VHOST, the
#                                management plugin on 15672, rabbitmq-diagnostics
#   taskq-test/redis:latest      Debian's redis-server, run from /data with the arguments compose gives, and redis-cli
# Users never need them: docker-compose.yml defaults to the official images. An image that exists is kept
# (delete it, or pass --rebuild, to make it anew).
# It also builds the first layer of taskq's own images (payara-config/docker/Dockerfile.*: Debian's JRE on the base)
# into the build cache, from the Dockerfile itself, so that .ci/run can do that download while Maven builds and
# `docker compose build` later finds the layer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rebuild=false
[[ ${1:-} == --rebuild ]] && rebuild=true

base=taskq-test/debian:bookworm
exists() { ! $rebuild && docker image inspect "$1" >/dev/null 2>&1; }
elapsed() { echo "$(($(date +%s) - $1)) s"; }

if exists "$base"; then
    echo "test image $base: present"
else
    t0=$(date +%s)
    root=$(mktemp -d /var/tmp/taskq-debootstrap.XXXXXX)
    trap 'rm -rf "$root"' EXIT
    mirror=$(sed -n 's/^URIs: *\(http[^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    debootstrap --variant=minbase bookworm "$root" "${mirror:-http://deb.debian.org/debian}" >/var/tmp/taskq-debootstrap.log 2>&1 || {
        tail -20 /var/tmp/taskq-debootstrap.log >&2
        exit 1
    }
    # as lean as the official slim image: no package lists, no apt cache
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
    tar -C "$root" -c . | docker import -c 'CMD ["bash"]' - "$base" >/dev/null
    rm -rf "$root"
    trap - EXIT
    echo "test image $base: made with debootstrap in $(elapsed "$t0")"
fi

for name in rabbitmq redis; do
    image=taskq-test/$name:latest
    if exists "$image"; then
        echo "test image $image: present"
        continue
    fi
    t0=$(date +%s)
    build_log=/var/tmp/taskq-test-image-$name.log
    DOCKER_BUILDKIT=0 docker build --build-arg BASE_IMAGE="$base" -t "$image" \
        -f "$here/Dockerfile.test-$name" "$here" >"$build_log" 2>&1 || {
        tail -30 "$build_log" >&2
        exit 1
    }
    echo "test image $image: built in $(elapsed "$t0")"
done

# the instructions of payara-config/docker/Dockerfile.micro up to the end of its first RUN (the shared JRE layer)
t0=$(date +%s)
awk '{ print } /^RUN/ { run = 1 } run && !/\\$/ { exit }' "$here/../../../../payara-config/docker/Dockerfile.micro" |
    DOCKER_BUILDKIT=0 docker build --build-arg BASE_IMAGE="$base" -t taskq-test/jre-layer:latest - \
        >/var/tmp/taskq-test-image-jre-layer.log 2>&1 || {
    tail -30 /var/tmp/taskq-test-image-jre-layer.log >&2
    exit 1
}
echo "build cache: the JRE layer of taskq's images in $(elapsed "$t0")"

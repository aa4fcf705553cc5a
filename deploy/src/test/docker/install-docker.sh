#!/usr/bin/env bash
# Makes a Docker engine with the compose v2 plugin answer on this machine, for the compose tests (ComposeStackIT):
# installs what is missing, as root, from Debian's package mirror, and starts dockerd when it is not running.
#   - the engine: Debian 12's docker.io (no systemd here: dockerd is started in the background, log
#     /var/log/dockerd.log)
#   - compose v2: not packaged in Debian 12; Debian 13's docker-compose package (2.26) is fetched with a private apt
#     sources list for "trixie" and only its plugin binary is unpacked into /usr/libexec/docker/cli-plugins/
#   - debootstrap, which build-test-images.sh makes the Debian 12 base image with
# .ci/run calls it; nothing here is needed on a user's machine, where Docker is installed the usual way.
set -euo pipefail

log() { echo "install-docker.sh: $*"; }

updated=false
# wait for another apt-get or dpkg (unattended upgrades, a second installer) instead of failing at once
lock_wait=(-o DPkg::Lock::Timeout=600)
apt_install() {
    $updated || { apt-get "${lock_wait[@]}" update -qq; updated=true; }
    DEBIAN_FRONTEND=noninteractive apt-get "${lock_wait[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v dockerd >/dev/null; then
    log "installing docker.io"
    apt_install docker.io
fi
command -v debootstrap >/dev/null || { log "installing debootstrap"; apt_install debootstrap; }

if ! docker compose version >/dev/null 2>&1; then
    log "installing the compose v2 plugin from Debian 13's docker-compose package"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mirror=$(sed -n 's/^URIs: *\(http[^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    mirror=${mirror:-$(awk '$1 == "deb" && $2 ~ /^http/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null)}
    mirror=${mirror:-http://deb.debian.org/debian}
    mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
    echo "deb $mirror trixie main" >"$work/trixie.list"
    apt_opts=(-o Dir::Etc::SourceList="$work/trixie.list" -o Dir::Etc::SourceParts=/dev/null
        -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root)
    apt-get "${apt_opts[@]}" update -qq
    (cd "$work" && apt-get "${apt_opts[@]}" download -qq docker-compose)
    dpkg-deb -x "$work"/docker-compose_*.deb "$work/pkg"
    mkdir -p /usr/libexec/docker/cli-plugins
    install -m 755 "$work/pkg/usr/libexec/docker/cli-plugins/docker-compose" /usr/libexec/docker/cli-plugins/
fi

if ! docker info >/dev/null 2>&1; then
    log "starting dockerd (log: /var/log/dockerd.log)"
    (setsid dockerd >/var/log/dockerd.log 2>&1 &)
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/dockerd.log" >&2; exit 1; }
fi
log "$(docker version --format 'engine {{.Server.Version}}'), $(docker compose version --short | sed 's/^/compose /')"

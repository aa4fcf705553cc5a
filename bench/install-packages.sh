#!/usr/bin/env bash
# Installs what the benchmarks run besides taskq, from Debian's packages, when it is missing (apt-get, as root or
# with sudo): the Celery reference stack (python3-celery, python3-flask, gunicorn, python3-redis, run by Debian's
# /usr/bin/python3) and the packages named as arguments (e.g. wrk for run-submit.sh).
#   bench/install-packages.sh [package…]
set -euo pipefail
missing=()
for package in python3-celery python3-flask gunicorn python3-redis "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}…" >&2
    sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y "${missing[@]}"
fi

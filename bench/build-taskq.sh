#!/usr/bin/env bash
# Builds taskq's Payara Micro deployables from the current sources (tests not built) and installs them in the local
# Maven repository, from where bench/pom.xml takes taskq-micro when it is built on its own (-f bench/pom.xml), as
# the benchmark scripts do. A fresh machine has nothing there yet.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building taskq (rabbitmq-ra, api, ejb, web, micro; tests not built)…" >&2
mvn -B -q -Dmaven.test.skip=true -pl micro -am install

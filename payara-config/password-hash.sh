#!/usr/bin/env bash
# Prints the PBKDF2 hash of the dashboard's password, for TASKQ_ADMIN_PASSWORD_HASH in .env (docs/deploy.md):
#   payara-config/password-hash.sh                      asks for the password twice, without echo
#   printf '%s\n' "$password" | payara-config/password-hash.sh     reads it from standard input
#   payara-config/password-hash.sh --help
# It runs the ejb module's PasswordHashes: from ejb/target/classes after a build, else from the taskq.war it finds
# (micro/target/taskq.war, or TASKQ_WAR: in the taskq-micro image, where this script is
# /opt/payara/taskq/password-hash.sh), so that on a host with only the image:
#   docker compose run --rm --no-deps --entrypoint /opt/payara/taskq/password-hash.sh web
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
class=dev.taskq.infrastructure.security.PasswordHashes

classes=$here/../ejb/target/classes
if [[ ! -f $classes/${class//.//}.class ]]; then
    war=${TASKQ_WAR:-$here/../micro/target/taskq.war}
    [[ -r $war ]] || { echo "password-hash.sh: build first (mvn -B package -DskipTests)" >&2; exit 1; }
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && unzip -qq "$war" 'WEB-INF/lib/taskq-ejb*.jar')
    classes=$(echo "$tmp"/WEB-INF/lib/taskq-ejb*.jar)
fi
"$java" -cp "$classes" "$class" "$@"

#!/usr/bin/env bash
# Health probe of a taskq node: exits 0 when GET http://127.0.0.1:<port><path> answers 200 within 5 s.
#   healthcheck.sh [port] [path]    defaults: $TASKQ_HTTP_PORT or 8080, /health/ready (MicroProfile Health:
#                                   UP once the application is deployed and RabbitMQ and Redis answer)
# The containers' health checks (docker-compose.yml) and the tests' node launchers use it; plain bash, no curl.
port=${1:-${TASKQ_HTTP_PORT:-8080}}
path=${2:-/health/ready}
status=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf "GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" "$2" >&3 && head -n 1 <&3' _ "$port" "$path" 2>/dev/null)
[[ $status == "HTTP/1."?" 200"* ]]

#!/bin/sh
# Entrypoint of the TEST RabbitMQ image: writes the default user, password and virtual host of the official
# image's environment variables into rabbitmq.conf, then runs the broker in the foreground.
set -eu
umask 027
cat >/etc/rabbitmq/rabbitmq.conf <<CONF
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
default_vhost = ${RABBITMQ_DEFAULT_VHOST:-/}
loopback_users = none
listeners.tcp.default = 5672
management.tcp.port = 15672
CONF
chown -R rabbitmq:rabbitmq /etc/rabbitmq /var/lib/rabbitmq
# the official image logs to the console only
export RABBITMQ_LOGS=- RABBITMQ_NODENAME=${RABBITMQ_NODENAME:-rabbit@$(hostname)}
exec rabbitmq-server

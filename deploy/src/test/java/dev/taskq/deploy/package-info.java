/**
 * Deployment checks: the docker-compose.yml contract (a unit test, as no Docker engine runs here) and the same
 * topology run as local processes by payara-config/local-cluster.sh (an integration test against the real
 * RabbitMQ and Redis). Tests only; nothing here ships.
 */
package dev.taskq.deploy;

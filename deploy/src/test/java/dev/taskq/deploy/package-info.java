/**
 * Deployment checks: the docker-compose.yml contract (a unit test) and, in {@code compose}, the compose file run on a
 * real Docker engine. Tests only; nothing here ships.
 */
package dev.taskq.deploy;

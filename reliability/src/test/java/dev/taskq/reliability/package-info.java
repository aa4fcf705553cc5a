/**
 * The reliability scenarios of README's "Guarantee", each a user's view of one fault: {@link
 * dev.taskq.reliability.WorkerKillIT} (the worker is killed with {@code kill -9} mid-way and restarted, then stopped
 * gracefully with SIGTERM), {@link dev.taskq.reliability.BrokerRestartIT} (RabbitMQ killed and started again under
 * load), {@link dev.taskq.reliability.RedisRestartIT} (Redis killed and started again under load) and {@link
 * dev.taskq.reliability.ApiFuzzIT} (generated bad requests against the REST API and the Faces forms). {@link
 * dev.taskq.reliability.PublishConfirmationCostIT} measures what the two ways of making the broker confirm a
 * message cost. They run in the lab of {@code dev.taskq.reliability.lab}.
 */
package dev.taskq.reliability;

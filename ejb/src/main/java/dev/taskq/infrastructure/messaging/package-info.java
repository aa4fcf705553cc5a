/**
 * The JMS side of the queue: {@link dev.taskq.infrastructure.messaging.JmsTaskQueue} publishes task messages to
 * RabbitMQ through the Jakarta Messaging API (rabbitmq-jms). Consuming is done by the MDB through the
 * {@code rabbitmq-ra} resource adapter.
 */
package dev.taskq.infrastructure.messaging;

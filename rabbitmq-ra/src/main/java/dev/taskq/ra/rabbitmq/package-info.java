/**
 * A small, generic Jakarta Connectors (JCA) inbound resource adapter for RabbitMQ.
 *
 * <p>It delivers the messages of one durable RabbitMQ queue to a message-driven bean implementing
 * {@link jakarta.jms.MessageListener}, as the JMS messages of the RabbitMQ JMS client
 * ({@code com.rabbitmq.jms:rabbitmq-jms}). The queue is declared through that client, the way it declares a queue
 * destination (durable queue named after the destination, bound to the {@code jms.durable.queues} exchange with the
 * queue name as routing key), so that a plain rabbitmq-jms {@code MessageProducer} in any application and this
 * adapter meet on the same queue.</p>
 *
 * <p>Each activation runs {@code consumers} independent consumers, each with its own connection and an AMQP consumer
 * (basic.consume, manual acknowledgement) with a prefetch limit, whose deliveries run on the AMQP client's dispatch
 * thread. A message is acknowledged only after the
 * endpoint's {@code onMessage} and {@code afterDelivery} returned normally; otherwise it goes back to the queue after
 * {@code redeliveryDelayMs}. Endpoints are reused from one delivery to the next and shared by the queues of an
 * activation, so there are never more of them than deliveries running at once. Connections are re-established with exponential back-off. See
 * {@link dev.taskq.ra.rabbitmq.RabbitMQActivationSpec} for the activation properties.</p>
 */
package dev.taskq.ra.rabbitmq;

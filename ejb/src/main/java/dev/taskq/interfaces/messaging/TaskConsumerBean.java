package dev.taskq.interfaces.messaging;

import dev.taskq.application.TaskExecutionService;
import dev.taskq.application.TaskMessage;
import dev.taskq.application.UnreadableTaskMessageException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/**
 * Takes task messages from the RabbitMQ queues this instance consumes and hands each to {@link TaskExecutionService}
 * (a message it cannot run goes to the dead-letter queue). The adapter
 * acknowledges a message only after this method returns, so a task whose outcome could not be stored (the
 * method threw) is delivered again. Settings come from MicroProfile Config through the adapter's
 * {@code ${key}} placeholders.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-ra"),
        // every queue this instance consumes, each with its own consumers: "taskq.tasks:4,taskq.tasks.images:2"
        // (derived from taskq.queues and taskq.queues.<name>.concurrency, ConsumedQueuesConfigSource)
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "${taskq.consumer.destinations}"),
        @ActivationConfigProperty(propertyName = "consumers", propertyValue = "${taskq.workers}"),
        @ActivationConfigProperty(propertyName = "prefetch", propertyValue = "${taskq.prefetch}"),
        @ActivationConfigProperty(propertyName = "host", propertyValue = "${taskq.rabbitmq.host}"),
        @ActivationConfigProperty(propertyName = "port", propertyValue = "${taskq.rabbitmq.port}"),
        @ActivationConfigProperty(propertyName = "username", propertyValue = "${taskq.rabbitmq.username}"),
        @ActivationConfigProperty(propertyName = "password", propertyValue = "${taskq.rabbitmq.password}"),
        @ActivationConfigProperty(propertyName = "virtualHost", propertyValue = "${taskq.rabbitmq.virtual-host}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskConsumerBean implements MessageListener {
    @Inject
    TaskExecutionService execution;

    @Override
    public void onMessage(Message message) {
        String body = textOf(message);
        try {
            execution.execute(TaskMessage.fromJson(body));
        } catch (UnreadableTaskMessageException e) {
            execution.deadLetter(body == null ? "" : body, e.getMessage());
        }
    }

    /**
     * The text of a text message, or of a bytes message in UTF-8 (a plain AMQP message without the JMSType header);
     * {@code null} for any other kind (which is then dead-lettered).
     */
    private static String textOf(Message message) {
        try {
            if (message instanceof TextMessage text) {
                return text.getText();
            }
            byte[] body = message instanceof BytesMessage bytes ? bytes.getBody(byte[].class) : null;
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        } catch (JMSException e) {
            throw new IllegalStateException("could not read message " + message, e);
        }
    }
}

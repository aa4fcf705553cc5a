package dev.taskq.interfaces.messaging;

import dev.taskq.application.TaskExecutionService;
import dev.taskq.application.TaskMessage;
import dev.taskq.application.UnreadableTaskMessageException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes task messages from the RabbitMQ queue and hands each to {@link TaskExecutionService}. The adapter
 * acknowledges a message only after this method returns, so a task whose outcome could not be stored (the
 * method threw) is delivered again. Settings come from MicroProfile Config through the adapter's
 * {@code ${key}} placeholders.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "${taskq.queue}"),
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
        TaskMessage task;
        try {
            task = TaskMessage.fromJson(body);
        } catch (UnreadableTaskMessageException e) {
            execution.deadLetter(body == null ? "" : body, e.getMessage());
            return;
        }
        execution.execute(task);
    }

    /** The text of a text message; {@code null} for any other kind (which is then dead-lettered). */
    private static String textOf(Message message) {
        try {
            return message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("could not read message " + message, e);
        }
    }
}

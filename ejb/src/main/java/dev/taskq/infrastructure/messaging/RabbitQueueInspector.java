package dev.taskq.infrastructure.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.taskq.application.QueueDepth;
import dev.taskq.application.QueueInspector;
import dev.taskq.application.QueueUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import dev.taskq.infrastructure.plugins.ConsumedQueuesConfigSource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@link QueueInspector} through a passive queue declaration (AMQP, amqp-client), which answers a queue's ready
 * messages and consumers without the management plugin. A logical queue is named on the broker as the publisher and
 * the consumers name it ({@link ConsumedQueuesConfigSource#physicalName}). One connection, opened on first use and again after it
 * broke; a queue the broker does not have (a dead-letter queue before its first message) is reported absent.
 */
@ApplicationScoped
public class RabbitQueueInspector implements QueueInspector {
    /** AMQP's reply code for a queue that does not exist. */
    private static final int NOT_FOUND = 404;

    @Inject
    RabbitMqSettings settings;

    private Connection connection;

    @Override
    public List<QueueDepth> depths(List<String> logicalQueues) {
        List<QueueDepth> depths = new ArrayList<>(logicalQueues.size() + 1);
        for (String queue : logicalQueues) {
            depths.add(depth(ConsumedQueuesConfigSource.physicalName(settings.queueName(), queue), "tasks"));
        }
        depths.add(depth(settings.deadLetterQueueName(), "dead letters"));
        return depths;
    }

    private QueueDepth depth(String name, String role) {
        try (Channel channel = connection().createChannel()) {
            AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive(name);
            return new QueueDepth(name, role, true, queue.getMessageCount(), queue.getConsumerCount());
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException s && !s.isHardError()
                    && s.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == NOT_FOUND) {
                return new QueueDepth(name, role, false, 0, 0);
            }
            throw unavailable(e);
        } catch (TimeoutException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private QueueUnavailableException unavailable(Exception e) {
        close();
        return new QueueUnavailableException("the message broker is not reachable: " + e, e);
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            ConnectionFactory factory = new ConnectionFactory();
            settings.configure(factory);
            connection = factory.newConnection("taskq-queue-inspector");
        }
        return connection;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.abort();
            } finally {
                connection = null;
            }
        }
    }
}

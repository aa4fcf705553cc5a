package dev.taskq.infrastructure.messaging;

import dev.taskq.infrastructure.plugins.ConsumedQueuesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.TaskMessage;
import dev.taskq.application.TaskQueue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes task messages to the durable RabbitMQ queue of their kind: {@code taskq.queue}, or {@code <taskq.queue>.<q>}
 * for a kind on queue {@code q} (and poison messages to
 * {@code taskq.dead-letter-queue}) through JMS (rabbitmq-jms), as
 * persistent messages in transacted sessions: {@link #publish} returns only after the broker has committed the
 * message. (Publisher confirms instead of transactions were measured: no faster here, see docs/performance.md.)
 * One connection is shared; sessions are pooled (a JMS session is single-threaded). When the broker goes away the
 * connection is dropped and made again on the next publish.
 */
@ApplicationScoped
public class JmsTaskQueue implements TaskQueue {
    private static final Logger LOG = Logger.getLogger(JmsTaskQueue.class.getName());
    /** The message property that says why a message was dead-lettered. */
    public static final String DEAD_LETTER_REASON = "taskq_dead_letter_reason";

    @Inject
    RabbitMqSettings settings;

    private RMQConnectionFactory factory;
    private Connection connection;
    /** written under the lock, read without it by every publish */
    private volatile long connectionGeneration;
    private final BlockingDeque<Sender> idleSenders = new LinkedBlockingDeque<>();

    @PostConstruct
    void configure() {
        factory = new RMQConnectionFactory();
        factory.setAmqpConnectionFactoryPostProcessor(settings::configure);
    }

    @PreDestroy
    void close() {
        idleSenders.forEach(Sender::close);
        idleSenders.clear();
        dropConnection(connectionGeneration);
    }

    @Override
    public void publish(TaskMessage message, String queue) {
        publishAll(List.of(new Outgoing(message, queue)));
    }

    @Override
    public void publishAll(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        withSender(messages.size() == 1 ? "task " + messages.get(0).message().id() : messages.size() + " tasks",
                sender -> {
                    for (Outgoing outgoing : messages) {
                        sender.add(sender.queue(ConsumedQueuesConfigSource.physicalName(settings.queueName(),
                                outgoing.queue())), outgoing.message().toJson(), null);
                    }
                    sender.session.commit();
                });
    }

    @Override
    public void deadLetter(String body, String reason) {
        withSender("a dead letter", sender -> sender.send(sender.deadLetters, body, reason));
    }

    @Override
    public void ping() {
        withSender("a ping", sender -> {
        });
    }

    /** Runs {@code action} with a pooled sender; a sender that failed is closed with its connection. */
    private void withSender(String what, SenderAction action) {
        Sender sender = null;
        try {
            sender = borrowSender();
            action.run(sender);
            idleSenders.push(sender);
        } catch (JMSException | RuntimeException e) {
            if (sender != null) {
                sender.close();
                dropConnection(sender.generation);
            }
            LOG.log(Level.WARNING, what + " could not be sent to RabbitMQ (queue " + settings.queueName() + "): " + e);
            throw new QueueUnavailableException("the message broker is not reachable", e);
        }
    }

    @FunctionalInterface
    private interface SenderAction {
        void run(Sender sender) throws JMSException;
    }

    private Sender borrowSender() throws JMSException {
        Sender sender;
        while ((sender = idleSenders.poll()) != null) {
            if (sender.generation == currentGeneration()) {
                return sender;
            }
            sender.close();
        }
        return openSender();
    }

    private long currentGeneration() {
        return connectionGeneration;
    }

    private synchronized Sender openSender() throws JMSException {
        if (connection == null) {
            connection = factory.createConnection();
            long generation = ++connectionGeneration;
            connection.setExceptionListener(e -> dropConnection(generation));
            LOG.info(() -> "connected to RabbitMQ at " + settings.address() + " for queue " + settings.queueName());
        }
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return new Sender(session, producer, new HashMap<>(), session.createQueue(settings.deadLetterQueueName()),
                connectionGeneration);
    }

    private synchronized void dropConnection(long generation) {
        if (connection == null || generation != connectionGeneration) {
            return;
        }
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a broken connection", e);
        }
        connection = null;
        connectionGeneration++;
        LOG.warning(() -> "connection to RabbitMQ dropped; the next publish reconnects");
    }

    /** A transacted session and its producer, used by one thread at a time, with the queues it sent to. */
    private record Sender(Session session, MessageProducer producer, Map<String, Queue> queues, Queue deadLetters,
            long generation) {
        /** The queue named {@code name} (rabbitmq-jms declares it, durable, the first time). */
        Queue queue(String name) throws JMSException {
            Queue queue = queues.get(name);
            if (queue == null) {
                queue = session.createQueue(name);
                queues.put(name, queue);
            }
            return queue;
        }

        /** Sends a persistent text message and commits: when this returns the broker has it. */
        void send(Queue queue, String body, String deadLetterReason) throws JMSException {
            add(queue, body, deadLetterReason);
            session.commit();
        }

        /** Sends a persistent text message in the session's transaction (the broker has it once it commits). */
        void add(Queue queue, String body, String deadLetterReason) throws JMSException {
            TextMessage message = session.createTextMessage(body);
            if (deadLetterReason != null) {
                message.setStringProperty(DEAD_LETTER_REASON, deadLetterReason);
            }
            producer.send(queue, message);
        }

        void close() {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a session", e);
            }
        }
    }
}

package dev.taskq.infrastructure.messaging;

import dev.taskq.infrastructure.plugins.ConsumedQueuesConfigSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
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
import jakarta.jms.Message;
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
 * persistent messages in transacted sessions: {@link #publishAll} returns only after the broker has committed the
 * message.
 *
 * <p>Group commit: the publishes of concurrent callers are committed together. A caller hands its messages to the
 * {@value #COMMITTERS} committer threads and waits; a committer takes every publish waiting (up to
 * {@code taskq.publish.max-batch} messages), sends them in one transaction, commits once, and wakes each caller,
 * so one broker round trip and disk sync serves many requests (docs/performance.md). A failed commit fails every
 * caller of that transaction, and none of its messages is on the queue. A caller that waited
 * {@code taskq.publish.timeout-ms} in vain gets a {@link QueueUnavailableException}; its messages are no longer sent
 * if no committer has taken them yet.
 *
 * <p>On the wire a task message is a plain AMQP message, not rabbitmq-jms's Java-serialized JMS message: its body is
 * the task's JSON in UTF-8, {@code message_id} is the task's id, and its only headers are {@code JMSType: TextMessage}
 * (so that a rabbitmq-jms consumer, like the resource adapter's, receives a {@link TextMessage}) and, on a dead
 * letter, {@value #DEAD_LETTER_REASON}. It is sent through the default exchange straight to its queue, which is
 * declared first as rabbitmq-jms declares a JMS queue (durable, bound to {@code jms.durable.queues}). That is a third
 * of the broker's work per message less, and half of the publisher's (docs/performance.md), and any AMQP client can
 * read the queues.
 *
 * <p>One connection is shared; sessions are pooled (a JMS session is single-threaded). When the broker goes away the
 * connection is dropped and made again on the next publish.
 */
@ApplicationScoped
public class JmsTaskQueue implements TaskQueue {
    private static final Logger LOG = Logger.getLogger(JmsTaskQueue.class.getName());
    /** The message property that says why a message was dead-lettered. */
    public static final String DEAD_LETTER_REASON = "taskq_dead_letter_reason";
    /** The message property that carries the task's id to the AMQP {@code message_id}. */
    private static final String TASK_ID = "taskq_task_id";
    /** The header (and its value) by which a rabbitmq-jms consumer of a plain AMQP message knows a text message. */
    private static final String JMS_TYPE = "JMSType";
    private static final String TEXT_MESSAGE = "TextMessage";
    private static final Map<String, Object> TASK_HEADERS = Map.of(JMS_TYPE, TEXT_MESSAGE);

    /** Committer threads: while one waits for the broker's commit, the other gathers the next transaction. */
    static final int COMMITTERS = 2;

    @Inject
    RabbitMqSettings settings;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    @Inject
    @ConfigProperty(name = "taskq.publish.max-batch")
    int maxBatch;
    @Inject
    @ConfigProperty(name = "taskq.publish.timeout-ms")
    long timeoutMs;

    private final BlockingQueue<WaitingPublish> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;

    private RMQConnectionFactory factory;
    private Connection connection;
    /** written under the lock, read without it by every publish */
    private volatile long connectionGeneration;
    private final BlockingDeque<Sender> idleSenders = new LinkedBlockingDeque<>();

    @PostConstruct
    void configure() {
        factory = new RMQConnectionFactory();
        factory.setAmqpConnectionFactoryPostProcessor(settings::configure);
        factory.setAmqpPropertiesCustomiser(JmsTaskQueue::taskMessageProperties);
        for (int i = 0; i < COMMITTERS; i++) {
            Thread committer = threadFactory.newThread(this::commitWaitingPublishes);
            committer.setName("taskq-publish-" + i);
            committers.add(committer);
            committer.start();
        }
    }

    /**
     * The AMQP properties of a message sent: persistent (set by the producer), its task id as {@code message_id},
     * and no headers but {@code JMSType: TextMessage} and a dead letter's reason (rabbitmq-jms would add five more).
     */
    private static AMQP.BasicProperties.Builder taskMessageProperties(AMQP.BasicProperties.Builder properties,
            Message message) {
        try {
            String reason = message.getStringProperty(DEAD_LETTER_REASON);
            return properties.priority(null).messageId(message.getStringProperty(TASK_ID))
                    .headers(reason == null ? TASK_HEADERS : Map.of(JMS_TYPE, TEXT_MESSAGE, DEAD_LETTER_REASON, reason));
        } catch (JMSException e) {
            throw new IllegalStateException("could not read the properties of message " + message, e);
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        committers.forEach(Thread::interrupt);
        WaitingPublish left;
        while ((left = waiting.poll()) != null) {
            left.fail(new QueueUnavailableException("taskq is shutting down", null));
        }
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
        WaitingPublish publish = new WaitingPublish(messages);
        if (closed) {
            throw new QueueUnavailableException("taskq is shutting down", null);
        }
        waiting.add(publish);
        publish.awaitCommit(timeoutMs);
    }

    /** A committer thread's loop: takes the waiting publishes, commits them in one transaction, wakes their callers. */
    private void commitWaitingPublishes() {
        List<WaitingPublish> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            int messages = batch.get(0).messages.size();
            WaitingPublish next;
            while (messages < maxBatch && (next = waiting.poll()) != null) {
                batch.add(next);
                messages += next.messages.size();
            }
            batch.removeIf(p -> !p.take());
            if (!batch.isEmpty()) {
                commit(batch, messages);
            }
            batch.clear();
        }
    }

    private void commit(List<WaitingPublish> batch, int messages) {
        try {
            withSender(messages == 1 ? "task " + batch.get(0).messages.get(0).message().id() : messages + " tasks",
                    sender -> {
                        for (WaitingPublish publish : batch) {
                            for (Outgoing outgoing : publish.messages) {
                                sender.add(sender.queue(ConsumedQueuesConfigSource.physicalName(
                                        settings.queueName(), outgoing.queue())), outgoing.message().id(),
                                        outgoing.message().toJson(), null);
                            }
                        }
                        sender.session.commit();
                    });
            batch.forEach(WaitingPublish::committed);
        } catch (QueueUnavailableException e) {
            batch.forEach(p -> p.fail(e));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a publish failed unexpectedly", e);
            batch.forEach(p -> p.fail(new QueueUnavailableException("the message broker is not reachable", e)));
        }
    }

    @Override
    public void deadLetter(String body, String reason) {
        withSender("a dead letter", sender -> sender.send(sender.queue(settings.deadLetterQueueName()), body, reason));
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
        return new Sender(session, producer, new HashMap<>(), connectionGeneration);
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

    /** One caller's messages, waiting for a committer; one transaction takes all of them or none. */
    private static final class WaitingPublish {
        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        final List<Outgoing> messages;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final CompletableFuture<Void> outcome = new CompletableFuture<>();

        WaitingPublish(List<Outgoing> messages) {
            this.messages = messages;
        }

        /** A committer takes it: false when its caller gave up waiting (then it is not sent). */
        boolean take() {
            return state.compareAndSet(WAITING, TAKEN);
        }

        void committed() {
            outcome.complete(null);
        }

        void fail(QueueUnavailableException e) {
            outcome.completeExceptionally(e);
        }

        /** Waits until the broker committed the messages; throws when it did not, or not in time. */
        void awaitCommit(long timeoutMs) {
            try {
                outcome.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof QueueUnavailableException q ? q
                        : new QueueUnavailableException("the message broker is not reachable", e.getCause());
            } catch (TimeoutException e) {
                boolean neverSent = state.compareAndSet(WAITING, ABANDONED);
                throw new QueueUnavailableException("the message broker did not take the message in "
                        + timeoutMs + " ms" + (neverSent ? "; it was not sent" : ""), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.compareAndSet(WAITING, ABANDONED);
                throw new QueueUnavailableException("interrupted while waiting for the message broker", e);
            }
        }
    }

    /** A transacted session and its producer, used by one thread at a time, with the queues it sent to. */
    private record Sender(Session session, MessageProducer producer, Map<String, Queue> queues, long generation) {
        /**
         * The queue named {@code name}, as a plain AMQP destination: the default exchange, routing key {@code name}.
         * The first time rabbitmq-jms declares it (durable, bound to {@code jms.durable.queues}) as the resource
         * adapter's consumers do, so that a message sent before any consumer started is kept, not dropped.
         */
        Queue queue(String name) throws JMSException {
            Queue queue = queues.get(name);
            if (queue == null) {
                session.createQueue(name);
                queue = new RMQDestination(name, "", name, name);
                queues.put(name, queue);
            }
            return queue;
        }

        /** Sends a persistent text message and commits: when this returns the broker has it. */
        void send(Queue queue, String body, String deadLetterReason) throws JMSException {
            add(queue, null, body, deadLetterReason);
            session.commit();
        }

        /** Sends a persistent text message in the session's transaction (the broker has it once it commits). */
        void add(Queue queue, String taskId, String body, String deadLetterReason) throws JMSException {
            TextMessage message = session.createTextMessage(body);
            if (taskId != null) {
                message.setStringProperty(TASK_ID, taskId);
            }
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

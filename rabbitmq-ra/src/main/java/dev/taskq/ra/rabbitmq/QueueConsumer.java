package dev.taskq.ra.rabbitmq;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.TimerTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * One consumer of an activation: its own rabbitmq-jms connection, through which the queue is declared the way
 * rabbitmq-jms declares it, and on that connection's AMQP connection a channel with basic.qos = prefetch and an
 * AMQP consumer (basic.consume, manual acknowledgement).
 *
 * <p>The AMQP client calls {@link Link#handleDelivery} one message at a time per channel, on its dispatch thread, so
 * one consumer never runs more than one delivery at a time. Each message, as a JMS message ({@link AmqpDeliveries}),
 * goes through {@code beforeDelivery → onMessage → afterDelivery} on an endpoint of the activation's
 * {@link EndpointPool} on that same thread, and is acknowledged only after that succeeded. Through a backlog,
 * acknowledgements are coalesced ({@link Acknowledgements}): one basic.ack with {@code multiple} covers the messages
 * that succeeded since the last one, sent once half the prefetch has succeeded, else within {@value #ACK_DELAY_MS}
 * ms. On failure a message is not acknowledged; after {@code redeliveryDelayMs} it goes back to the queue with
 * basic.nack (requeue) of its delivery tag alone, so the other prefetched messages stay where they are.</p>
 *
 * <p>Connection loss is detected with the JMS {@link ExceptionListener} and the AMQP consumer's shutdown signal
 * (AMQP automatic recovery is disabled); the consumer then builds a new connection with exponential back-off. At
 * most one live connection exists per consumer: a new one is only installed when {@link #current} is empty, and only
 * once the previous connection's delivery (if any) finished.</p>
 */
final class QueueConsumer {

    private static final Logger LOG = Logger.getLogger(QueueConsumer.class.getName());

    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** TCP connect timeout; amqp-client's default is 60 s. */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    /** back-off while the container has no endpoint instance available (MDB pool exhausted) */
    static final Backoff UNAVAILABLE_BACKOFF = new Backoff(50, 1000);
    private static final long UNAVAILABLE_INFO_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long IN_FLIGHT_RECHECK_MS = 100;
    /**
     * at most this long between a message's success and its acknowledgement when fewer than a batch succeeded (the
     * messages are done by then; the ack only lets the broker forget them)
     */
    static final long ACK_DELAY_MS = 10;
    /**
     * a delivery that starts less than this after the previous one ended was waiting in the client: the consumer is
     * working through a backlog, and its acknowledgement may wait for those of the next ones
     */
    static final long BACK_TO_BACK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final QueueActivation activation;
    private final ConsumerSettings settings;
    private final int index;
    private final String connectionName;
    private final Backoff reconnectBackoff;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThreadFactory threadFactory;

    private final Object lock = new Object();
    /** the installed connection, {@code null} while (re)connecting; guarded by lock */
    private Link current;
    /** whether a connection attempt is scheduled or running; guarded by lock */
    private boolean connectScheduled;
    /** the timer task of a scheduled connection attempt; guarded by lock */
    private TimerTask pendingConnect;
    /** failed connection attempts since the last successful one; guarded by lock */
    private int failedAttempts;

    QueueConsumer(QueueActivation activation, int index) {
        this.activation = activation;
        this.settings = activation.settings();
        this.index = index;
        this.connectionName = "rabbitmq-ra:" + settings.destination() + ":" + index;
        this.reconnectBackoff = new Backoff(settings.reconnectInitialDelayMs(), settings.reconnectMaxDelayMs());
        AtomicInteger threads = new AtomicInteger();
        this.threadFactory = r -> {
            Thread t = new Thread(r, "rabbitmq-ra[" + settings.destination() + "#" + index + "]-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** client-provided connection name, shown by {@code rabbitmqctl list_connections client_properties} */
    String connectionName() {
        return connectionName;
    }

    int index() {
        return index;
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean isConnected() {
        synchronized (lock) {
            return current != null && current.isOpen();
        }
    }

    void start() {
        scheduleConnect(0);
    }

    // ---------------------------------------------------------------- connection management

    private void scheduleConnect(long delayMs) {
        synchronized (lock) {
            if (activation.isStopping() || current != null || connectScheduled) {
                return;
            }
            connectScheduled = true;
            String name = "connect " + connectionName;
            if (delayMs <= 0) {
                activation.runner().execute(name, this::connect);
            } else {
                pendingConnect = activation.runner().schedule(name, this::connect, delayMs);
            }
        }
    }

    void cancelPendingConnect() {
        synchronized (lock) {
            if (pendingConnect != null) {
                pendingConnect.cancel();
                pendingConnect = null;
                connectScheduled = false;
            }
        }
    }

    private void connect() {
        synchronized (lock) {
            pendingConnect = null;
            if (activation.isStopping() || current != null) {
                connectScheduled = false;
                return;
            }
        }
        if (inFlight.get() > 0) {
            // a delivery from the previous connection is still running: keep the concurrency bound, wait for it
            synchronized (lock) {
                connectScheduled = false;
            }
            scheduleConnect(IN_FLIGHT_RECHECK_MS);
            return;
        }
        Link link = new Link();
        try {
            link.open();
        } catch (Exception | LinkageError e) {
            link.close();
            int attempt;
            long delay;
            synchronized (lock) {
                connectScheduled = false;
                attempt = ++failedAttempts;
                delay = reconnectBackoff.delayMs(attempt);
            }
            activation.consumerConnectFailed(index, e, attempt, delay);
            scheduleConnect(delay);
            return;
        }
        boolean installed;
        synchronized (lock) {
            connectScheduled = false;
            installed = !activation.isStopping() && current == null;
            if (installed) {
                current = link;
                failedAttempts = 0;
            }
        }
        if (!installed) {
            link.close();
            return;
        }
        try {
            link.start();
        } catch (IOException | RuntimeException e) {
            connectionLost(link, e);
            return;
        }
        if (!link.isOpen()) {
            connectionLost(link, new IOException("connection closed while starting"));
            return;
        }
        activation.consumerConnected(index);
        LOG.log(Level.FINE, "Consumer {0} connected to queue ''{1}''", new Object[] {connectionName, settings.destination()});
    }

    /** Called by the connection's exception listener: the broker or the network closed the connection. */
    private void connectionLost(Link link, Exception cause) {
        synchronized (lock) {
            if (current != link) {
                return;
            }
            current = null;
        }
        link.closing = true;
        activation.consumerDisconnected(index, cause, true);
        // closing a rabbitmq-jms connection waits for a running onMessage: do it in the background
        activation.runner().execute("close " + connectionName, link::close);
        scheduleConnect(reconnectBackoff.initialMs());
    }

    /** Closes the connection and opens a new one right away (when a failed message could not be requeued). */
    private void recycle(Link link) {
        synchronized (lock) {
            if (current != link) {
                return;
            }
            current = null;
        }
        link.closing = true;
        activation.consumerDisconnected(index, null, false);
        activation.runner().execute("recycle " + connectionName, () -> {
            link.close();
            scheduleConnect(0);
        });
    }

    /**
     * Closes the connection during deactivation, after the activation waited for in-flight deliveries. If a delivery
     * is still running, the AMQP connection is aborted (the broker requeues its message) and the JMS connection is
     * closed in the background.
     */
    void close() {
        Link link;
        synchronized (lock) {
            link = current;
            current = null;
            if (pendingConnect != null) {
                pendingConnect.cancel();
                pendingConnect = null;
            }
        }
        if (link == null) {
            return;
        }
        link.closing = true;
        activation.consumerDisconnected(index, null, false);
        if (inFlight.get() == 0) {
            link.close();
        } else {
            link.abortAmqp();
            activation.runner().execute("close " + connectionName, link::close);
        }
    }

    // ---------------------------------------------------------------- delivery

    private void deliver(Link link, long deliveryTag, Message message) {
        inFlight.incrementAndGet();
        boolean backToBack = System.nanoTime() - link.lastDeliveryEnded < BACK_TO_BACK_NANOS;
        try {
            if (link.closing || activation.isStopping()) {
                return; // not acknowledged: back to the queue when the channel closes
            }
            String id = messageId(message);
            MessageEndpoint endpoint;
            try {
                endpoint = createEndpoint(link, id);
            } catch (Exception | LinkageError e) {
                failed(link, deliveryTag, id, "the message endpoint could not be created", e);
                return;
            }
            if (endpoint == null) {
                return; // stopping while waiting for an endpoint: not acknowledged
            }
            Throwable failure = invoke(endpoint, message);
            if (failure == null) {
                activation.endpoints().giveBack(endpoint);
                link.acknowledgements.succeeded(deliveryTag, id, backToBack);
            } else {
                activation.endpoints().discard(endpoint);
                failed(link, deliveryTag, id, "onMessage failed", failure);
            }
        } finally {
            link.lastDeliveryEnded = System.nanoTime();
            inFlight.decrementAndGet();
            activation.deliveryFinished();
        }
    }

    /**
     * An endpoint of the activation (an idle one, else {@code createEndpoint(null)}), retried with back-off while the
     * container throws {@link UnavailableException} (no bean instance available right now): that is not a failed
     * delivery.
     *
     * @return the endpoint, or {@code null} if the activation stopped or the connection was lost meanwhile
     */
    private MessageEndpoint createEndpoint(Link link, String messageId) throws UnavailableException {
        int attempt = 0;
        long since = 0;
        boolean reported = false;
        while (true) {
            try {
                return activation.endpoints().take();
            } catch (UnavailableException e) {
                attempt++;
                if (attempt == 1) {
                    since = System.nanoTime();
                    LOG.log(Level.FINE, "No endpoint instance available for message {0} of queue ''{1}'', retrying: {2}",
                            new Object[] {messageId, settings.destination(), e});
                } else if (!reported && System.nanoTime() - since > UNAVAILABLE_INFO_AFTER_NANOS) {
                    reported = true;
                    LOG.info(String.format("Endpoint %s has had no instance available for message %s of queue '%s' for %d s; still retrying",
                            activation.endpointName(), messageId, settings.destination(),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since)));
                }
                if (!activation.sleepUnlessStopping(UNAVAILABLE_BACKOFF.delayMs(attempt)) || link.closing) {
                    return null;
                }
            }
        }
    }

    /** @return {@code null} on success, else the failure */
    private static Throwable invoke(MessageEndpoint endpoint, Message message) {
        Throwable failure = null;
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                ((MessageListener) endpoint).onMessage(message);
            } catch (Throwable t) {
                failure = t;
            }
            try {
                endpoint.afterDelivery();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        } catch (Throwable t) {
            failure = t; // beforeDelivery failed
        }
        return failure;
    }

    private void failed(Link link, long deliveryTag, String id, String what, Throwable failure) {
        LOG.warning(String.format("Delivery of message %s from queue '%s' to endpoint %s failed: %s: %s; "
                        + "not acknowledged, it goes back to the queue in %d ms",
                id, settings.destination(), activation.endpointName(), what, QueueActivation.describe(failure),
                settings.redeliveryDelayMs()));
        LOG.log(Level.FINE, "Delivery failure of message " + id, failure);
        link.acknowledgements.flush();
        if (!activation.sleepUnlessStopping(settings.redeliveryDelayMs()) || link.closing) {
            return; // closing the channel returns it to the queue
        }
        try {
            link.channel.basicNack(deliveryTag, false, true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "basic.nack of message " + id + " failed, re-opening the connection instead", e);
            recycle(link);
        }
    }

    private static String messageId(Message message) {
        try {
            String id = message.getJMSMessageID();
            return id != null ? id : "<no JMSMessageID>";
        } catch (JMSException | RuntimeException e) {
            return "<unknown JMSMessageID>";
        }
    }

    /** One connection (rabbitmq-jms, for the queue's declaration) + its AMQP channel and consumer. */
    private final class Link extends DefaultConsumer implements ExceptionListener {
        private volatile Connection connection;
        private volatile com.rabbitmq.client.Connection amqp;
        volatile Channel channel;
        volatile boolean closing;
        final Acknowledgements acknowledgements = new Acknowledgements(this);
        /** System.nanoTime() when the last delivery ended; only the channel's delivery thread uses it */
        long lastDeliveryEnded = System.nanoTime() - BACK_TO_BACK_NANOS;

        Link() {
            super(null);
        }

        void open() throws JMSException, IOException {
            RMQConnectionFactory cf = new RMQConnectionFactory();
            cf.setHost(settings.host());
            cf.setPort(settings.port());
            cf.setUsername(settings.username());
            cf.setPassword(settings.password());
            cf.setVirtualHost(settings.virtualHost());
            cf.setAmqpConnectionFactoryPostProcessor(acf -> {
                acf.setHost(settings.host());
                acf.setPort(settings.port());
                acf.setUsername(settings.username());
                acf.setPassword(settings.password());
                acf.setVirtualHost(settings.virtualHost());
                // recovery is done here (new connection, channel and consumer), not by amqp-client
                acf.setAutomaticRecoveryEnabled(false);
                acf.setTopologyRecoveryEnabled(false);
                acf.setConnectionTimeout(CONNECT_TIMEOUT_MS);
                // the AMQP consumer's deliveries run on these threads
                acf.setThreadFactory(threadFactory);
                Map<String, Object> clientProperties = new HashMap<>(acf.getClientProperties());
                clientProperties.put("connection_name", connectionName);
                acf.setClientProperties(clientProperties);
            });
            cf.setAmqpConnectionPostProcessor(c -> amqp = c);

            Connection c = cf.createConnection();
            connection = c;
            c.setExceptionListener(this);
            // declares exchange jms.durable.queues, the durable queue and the binding (routing key = queue name),
            // exactly like a rabbitmq-jms producer does for the same queue name
            Session declaring = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            declaring.createQueue(settings.destination());
            declaring.close();
            // and consumes it as plain AMQP messages (RabbitMQActivationSpec)
            Channel ch = amqp.createChannel();
            ch.basicQos(settings.prefetch());
            channel = ch;
        }

        /** basic.consume: deliveries start. */
        void start() throws IOException {
            channel.basicConsume(settings.destination(), false, connectionName, this);
        }

        boolean isOpen() {
            com.rabbitmq.client.Connection a = amqp;
            Channel ch = channel;
            return a != null && a.isOpen() && ch != null && ch.isOpen();
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                byte[] body) {
            Message message;
            try {
                message = AmqpDeliveries.toJms(envelope, properties, body);
            } catch (JMSException | RuntimeException e) {
                // cannot happen for a fresh message; not acknowledged, so it is not lost
                LOG.log(Level.WARNING, "Message " + properties.getMessageId() + " of queue '" + settings.destination()
                        + "' could not be read as a JMS message", e);
                connectionLost(this, e);
                return;
            }
            deliver(this, envelope.getDeliveryTag(), message);
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
            // the channel or the connection closed; not when this side closes it
            if (!closing) {
                connectionLost(this, signal);
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            // the broker cancelled the consumer (the queue was deleted): consume again on a new connection
            if (!closing) {
                connectionLost(this, new IOException("the broker cancelled the consumer of queue '"
                        + settings.destination() + "'"));
            }
        }

        @Override
        public void onException(JMSException exception) {
            // rabbitmq-jms wraps the AMQP ShutdownSignalException, whose message is the useful part
            Throwable cause = exception.getCause();
            connectionLost(this, cause instanceof Exception ? (Exception) cause : exception);
        }

        void abortAmqp() {
            com.rabbitmq.client.Connection a = amqp;
            if (a != null && a.isOpen()) {
                try {
                    a.abort(1000);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Aborting connection " + connectionName + " failed", e);
                }
            }
        }

        /**
         * Closes the JMS connection (waits for a running delivery), then makes sure the socket is gone. A connection
         * the broker or the network already closed is not closed through rabbitmq-jms: it would try basic.cancel on
         * the dead channel, log that at ERROR level and give up half-way anyway.
         */
        void close() {
            closing = true;
            acknowledgements.flush();
            Connection c = connection;
            if (c != null && isOpen()) {
                try {
                    c.close();
                } catch (JMSException | RuntimeException e) {
                    LOG.log(Level.FINE, "Closing connection " + connectionName + " failed", e);
                }
            }
            abortAmqp();
        }
    }

    /**
     * The acknowledgements of one channel, coalesced while the consumer works through a backlog (deliveries back to
     * back): the highest delivery tag that succeeded and is not acknowledged yet, acknowledged with {@code multiple}
     * (every outstanding delivery up to it) once half the prefetch (at least 1) succeeded, else by the adapter's timer
     * within {@value #ACK_DELAY_MS} ms (one timer at a time). A consumer that keeps up acknowledges each message at
     * once: delaying those acks saves nothing and made the broker work more per message. A consumer runs its
     * deliveries one at a time in tag order and a failed one is nacked on its own before the next runs, so every
     * delivery such an ack covers has succeeded. Messages that succeeded but whose ack was lost with the connection
     * are delivered again, as after any connection loss (at least once; taskq's endpoint skips a terminal task).
     */
    private final class Acknowledgements {
        private final Link link;
        private final int batch = Math.max(1, settings.prefetch() / 2);
        /** guarded by this */
        private long highestTag;
        /** messages that succeeded since the last ack; guarded by this */
        private int count;
        /** the id of the last of them, for the log; guarded by this */
        private String lastId;
        /** whether the timer will flush; guarded by this */
        private boolean flushScheduled;

        Acknowledgements(Link link) {
            this.link = link;
        }

        /**
         * @param backToBack whether the delivery was waiting while the previous one ran (a backlog): only then may
         *                   its ack wait for others; a consumer that keeps up acknowledges each message at once
         */
        synchronized void succeeded(long deliveryTag, String id, boolean backToBack) {
            highestTag = deliveryTag;
            lastId = id;
            if (++count >= batch || !backToBack) {
                flush();
            } else if (!flushScheduled) {
                flushScheduled = true;
                activation.runner().schedule("ack " + connectionName, this::flushLate, ACK_DELAY_MS);
            }
        }

        private synchronized void flushLate() {
            flushScheduled = false;
            flush();
        }

        /** Acknowledges every delivery up to the highest one that succeeded, if any is waiting. */
        synchronized void flush() {
            if (count == 0) {
                return;
            }
            int covered = count;
            count = 0;
            try {
                link.channel.basicAck(highestTag, true);
            } catch (IOException | RuntimeException e) {
                LOG.warning(String.format("%d message(s) of queue '%s' up to %s were processed but could not be "
                        + "acknowledged (%s); the broker will deliver them again", covered, settings.destination(),
                        lastId, QueueActivation.describe(e)));
            }
        }
    }
}

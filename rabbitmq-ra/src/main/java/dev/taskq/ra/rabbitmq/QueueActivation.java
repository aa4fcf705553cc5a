package dev.taskq.ra.rabbitmq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One queue of an endpoint activation: {@code consumers} {@link QueueConsumer}s of one queue delivering to the
 * activation's message endpoints ({@link EndpointPool}, shared by all its queues). Also aggregates the consumers' connection state so that a broker outage is logged once when it starts and
 * once when all consumers are back, not once per consumer and attempt.
 */
final class QueueActivation {

    private static final Logger LOG = Logger.getLogger(QueueActivation.class.getName());
    private static final long STILL_DOWN_REMINDER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final EndpointPool endpoints;
    private final ConsumerSettings settings;
    private final TaskRunner runner;
    private final String endpointName;
    private final List<QueueConsumer> consumers;

    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;
    private final Object idleMonitor = new Object();

    // connection state, guarded by this
    private final boolean[] connected;
    private int connectedCount;
    private boolean outage;
    private long outageSinceNanos;
    private long lastReminderNanos;
    private boolean announced;

    QueueActivation(EndpointPool endpoints, ConsumerSettings settings, TaskRunner runner, String endpointName) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.runner = runner;
        this.endpointName = endpointName;
        List<QueueConsumer> list = new ArrayList<>(settings.consumers());
        for (int i = 0; i < settings.consumers(); i++) {
            list.add(new QueueConsumer(this, i));
        }
        this.consumers = Collections.unmodifiableList(list);
        this.connected = new boolean[settings.consumers()];
    }

    void start() {
        LOG.info(String.format("Activating endpoint %s on RabbitMQ queue '%s' at %s:%d (virtual host '%s'): %d consumers, prefetch %d",
                endpointName, settings.destination(), settings.host(), settings.port(), settings.virtualHost(),
                settings.consumers(), settings.prefetch()));
        for (QueueConsumer consumer : consumers) {
            consumer.start();
        }
    }

    /** Stops taking messages, waits up to {@code shutdownTimeoutMs} for in-flight deliveries, closes connections. */
    void stop() {
        beginStop();
        finishStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.shutdownTimeoutMs()));
    }

    /** First phase of {@link #stop()}: no new deliveries start from now on, pending reconnections are cancelled. */
    void beginStop() {
        stopping = true;
        stopSignal.countDown();
        for (QueueConsumer consumer : consumers) {
            consumer.cancelPendingConnect();
        }
    }

    /** Second phase of {@link #stop()}: waits for in-flight deliveries until {@code deadlineNanos}, then closes. */
    void finishStop(long deadlineNanos) {
        int inFlight = awaitIdle(deadlineNanos);
        if (inFlight > 0) {
            LOG.warning(String.format("Deactivating endpoint %s on queue '%s': %d deliveries still in progress after %d ms; "
                            + "closing their connections anyway, their messages will be delivered again",
                    endpointName, settings.destination(), inFlight, settings.shutdownTimeoutMs()));
        }
        for (QueueConsumer consumer : consumers) {
            consumer.close();
        }
        LOG.info(String.format("Deactivated endpoint %s on RabbitMQ queue '%s'", endpointName, settings.destination()));
    }

    private int awaitIdle(long deadlineNanos) {
        synchronized (idleMonitor) {
            while (true) {
                int inFlight = inFlight();
                long remaining = deadlineNanos - System.nanoTime();
                if (inFlight == 0 || remaining <= 0) {
                    return inFlight;
                }
                try {
                    idleMonitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return inFlight();
                }
            }
        }
    }

    int inFlight() {
        int n = 0;
        for (QueueConsumer consumer : consumers) {
            n += consumer.inFlight();
        }
        return n;
    }

    void deliveryFinished() {
        synchronized (idleMonitor) {
            idleMonitor.notifyAll();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /**
     * Sleeps {@code millis} unless the activation is stopping (or stops meanwhile).
     *
     * @return {@code true} if the full delay elapsed, {@code false} if the activation is stopping
     */
    boolean sleepUnlessStopping(long millis) {
        if (stopping) {
            return false;
        }
        if (millis <= 0) {
            return true;
        }
        try {
            return !stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** the endpoints of the whole activation, shared with its other queues */
    EndpointPool endpoints() {
        return endpoints;
    }

    ConsumerSettings settings() {
        return settings;
    }

    TaskRunner runner() {
        return runner;
    }

    String endpointName() {
        return endpointName;
    }

    List<QueueConsumer> consumers() {
        return consumers;
    }

    // ---- aggregated connection-state logging ----

    synchronized void consumerConnected(int index) {
        if (connected[index]) {
            return;
        }
        connected[index] = true;
        connectedCount++;
        if (connectedCount < connected.length) {
            return;
        }
        if (outage) {
            outage = false;
            LOG.info(String.format("RabbitMQ connection restored for queue '%s' (endpoint %s): all %d consumers connected after %d ms",
                    settings.destination(), endpointName, connected.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageSinceNanos)));
        } else if (!announced) {
            LOG.info(String.format("All %d consumers of RabbitMQ queue '%s' (endpoint %s) connected",
                    connected.length, settings.destination(), endpointName));
        }
        announced = true;
    }

    synchronized void consumerDisconnected(int index, Throwable cause, boolean unexpected) {
        if (connected[index]) {
            connected[index] = false;
            connectedCount--;
        }
        if (unexpected && !outage && !stopping) {
            outage = true;
            outageSinceNanos = System.nanoTime();
            lastReminderNanos = outageSinceNanos;
            LOG.warning(String.format("Lost RabbitMQ connection of consumer %d of queue '%s' (endpoint %s): %s; "
                            + "reconnecting with back-off (%d..%d ms)",
                    index, settings.destination(), endpointName, describe(cause),
                    settings.reconnectInitialDelayMs(), settings.reconnectMaxDelayMs()));
        } else {
            LOG.log(Level.FINE, "Consumer {0} of queue ''{1}'' disconnected: {2}",
                    new Object[] {index, settings.destination(), describe(cause)});
        }
    }

    synchronized void consumerConnectFailed(int index, Throwable cause, int attempt, long retryInMs) {
        if (stopping) {
            return;
        }
        long now = System.nanoTime();
        if (!outage) {
            outage = true;
            outageSinceNanos = now;
            lastReminderNanos = now;
            LOG.warning(String.format("Cannot consume from RabbitMQ queue '%s' at %s:%d (virtual host '%s', endpoint %s): %s; "
                            + "retrying in the background with back-off (%d..%d ms)",
                    settings.destination(), settings.host(), settings.port(), settings.virtualHost(), endpointName,
                    describe(cause), settings.reconnectInitialDelayMs(), settings.reconnectMaxDelayMs()));
        } else if (now - lastReminderNanos >= STILL_DOWN_REMINDER_NANOS) {
            lastReminderNanos = now;
            LOG.warning(String.format("Still cannot consume from RabbitMQ queue '%s' at %s:%d (endpoint %s) after %d s: %s; still retrying",
                    settings.destination(), settings.host(), settings.port(), endpointName,
                    TimeUnit.NANOSECONDS.toSeconds(now - outageSinceNanos), describe(cause)));
        }
        LOG.log(Level.FINE, String.format("Consumer %d of queue '%s': connection attempt %d failed, next in %d ms",
                index, settings.destination(), attempt, retryInMs), cause);
    }

    /** the messages of an exception and its causes, e.g. "connection error <- Connection refused" */
    static String describe(Throwable t) {
        if (t == null) {
            return "no cause";
        }
        List<String> parts = new ArrayList<>();
        Throwable current = t;
        for (int depth = 0; current != null && depth < 6; depth++) {
            String message = current.getMessage();
            if (message == null || message.isBlank()) {
                if (current.getCause() == null || current.getCause() == current) {
                    message = current.getClass().getSimpleName();
                }
            }
            if (message != null) {
                String m = message;
                if (parts.stream().noneMatch(p -> p.contains(m))) {
                    parts.add(m);
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return parts.isEmpty() ? t.getClass().getName() : String.join(" <- ", parts);
    }
}

package dev.taskq.ra.rabbitmq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.transaction.xa.XAResource;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Inbound-only resource adapter delivering RabbitMQ queue messages to {@link jakarta.jms.MessageListener} endpoints.
 *
 * <p>The config properties {@code host}, {@code port}, {@code username}, {@code password} and {@code virtualHost}
 * are the defaults for activations that do not set them (defaults 127.0.0.1, 5672, guest, guest, /). They are strings
 * and may contain {@code ${key:default}} placeholders, resolved per activation like the activation properties.</p>
 */
public class RabbitMQResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(RabbitMQResourceAdapter.class.getName());

    private String host = ConsumerSettings.DEFAULT_HOST;
    private String port = ConsumerSettings.DEFAULT_PORT;
    private String username = ConsumerSettings.DEFAULT_USERNAME;
    private String password = ConsumerSettings.DEFAULT_PASSWORD;
    private String virtualHost = ConsumerSettings.DEFAULT_VIRTUAL_HOST;

    private volatile TaskRunner runner;
    private final Map<ActivationKey, List<QueueActivation>> activations = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        Timer timer;
        try {
            timer = context.createTimer();
        } catch (UnavailableException | RuntimeException e) {
            LOG.log(Level.FINE, "BootstrapContext.createTimer() failed, using a private timer", e);
            timer = new Timer("rabbitmq-ra-timer", true);
        }
        runner = new TaskRunner(context.getWorkManager(), timer);
        LOG.info("RabbitMQ resource adapter started (default broker " + host + ":" + port + ", virtual host '" + virtualHost + "')");
    }

    @Override
    public void stop() {
        List<QueueActivation> all = new ArrayList<>(activations());
        activations.clear();
        long timeoutMs = 0;
        for (QueueActivation activation : all) {
            activation.beginStop();
            timeoutMs = Math.max(timeoutMs, activation.settings().shutdownTimeoutMs());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (QueueActivation activation : all) {
            activation.finishStop(deadline);
        }
        all.stream().map(QueueActivation::endpoints).distinct().forEach(EndpointPool::close);
        TaskRunner r = runner;
        runner = null;
        if (r != null) {
            r.shutdown();
        }
        LOG.info("RabbitMQ resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RabbitMQActivationSpec)) {
            throw new NotSupportedException("Unsupported activation spec " + (spec == null ? null : spec.getClass().getName())
                    + ", expected " + RabbitMQActivationSpec.class.getName());
        }
        TaskRunner r = runner;
        if (r == null) {
            throw new ResourceAdapterInternalException("The RabbitMQ resource adapter is not started");
        }
        RabbitMQActivationSpec activationSpec = (RabbitMQActivationSpec) spec;
        String endpointName = endpointName(endpointFactory);
        PlaceholderResolver resolver = PlaceholderResolver.forClassLoader(endpointClassLoader(endpointFactory));
        ConsumerSettings settings = ConsumerSettings.resolve(activationSpec, this, resolver);
        LOG.log(Level.FINE, "Endpoint {0}: {1}", new Object[] {endpointName, settings});

        EndpointPool endpoints = new EndpointPool(endpointFactory);
        List<QueueActivation> queues = new ArrayList<>();
        for (ConsumerSettings queue : settings.perQueue()) {
            queues.add(new QueueActivation(endpoints, queue, r, endpointName));
        }
        ActivationKey key = new ActivationKey(endpointFactory, spec);
        if (activations.putIfAbsent(key, List.copyOf(queues)) != null) {
            throw new ResourceException("Endpoint " + endpointName + " is already active with this activation spec");
        }
        // never fails on broker trouble: connections are made (and retried) in the background
        queues.forEach(QueueActivation::start);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        List<QueueActivation> queues = activations.remove(new ActivationKey(endpointFactory, spec));
        if (queues == null) {
            return;
        }
        // stop taking messages on every queue first, then wait for the deliveries in flight on all of them
        queues.forEach(QueueActivation::beginStop);
        long timeoutMs = queues.stream().mapToLong(q -> q.settings().shutdownTimeoutMs()).max().orElse(0);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        queues.forEach(q -> q.finishStop(deadline));
        queues.stream().map(QueueActivation::endpoints).distinct().forEach(EndpointPool::close);
    }

    /** Inbound deliveries are not XA transacted: no XAResource for crash recovery. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** the active activations (for tests and diagnostics) */
    Collection<QueueActivation> activations() {
        return activations.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The class loader of the endpoint (message-driven bean) class, so that the application's MicroProfile Config
     * applies; the thread context class loader when the container does not tell (before JCA 1.7).
     */
    static ClassLoader endpointClassLoader(MessageEndpointFactory endpointFactory) {
        try {
            Class<?> endpointClass = endpointFactory.getEndpointClass();
            if (endpointClass != null && endpointClass.getClassLoader() != null) {
                return endpointClass.getClassLoader();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "MessageEndpointFactory.getEndpointClass() not available", e);
        }
        return Thread.currentThread().getContextClassLoader();
    }

    static String endpointName(MessageEndpointFactory endpointFactory) {
        try {
            String name = endpointFactory.getActivationName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINEST, "MessageEndpointFactory.getActivationName() not available", e);
        }
        try {
            Class<?> endpointClass = endpointFactory.getEndpointClass();
            if (endpointClass != null) {
                return endpointClass.getName();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINEST, "MessageEndpointFactory.getEndpointClass() not available", e);
        }
        return String.valueOf(endpointFactory);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getVirtualHost() {
        return virtualHost;
    }

    public void setVirtualHost(String virtualHost) {
        this.virtualHost = virtualHost;
    }

    /** Identity: every adapter instance is its own configuration (JCA requires equals/hashCode to be overridden). */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** endpointDeactivation passes the same factory and spec instances as endpointActivation: compare by identity */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActivationKey k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(factory) + System.identityHashCode(spec);
        }
    }
}

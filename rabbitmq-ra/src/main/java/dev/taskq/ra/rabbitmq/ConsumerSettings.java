package dev.taskq.ra.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.resource.spi.InvalidPropertyException;

/**
 * The effective, validated settings of one endpoint activation: activation-spec values, falling back to the resource
 * adapter's values for the connection properties, then to the defaults; placeholders resolved; numbers parsed.
 */
record ConsumerSettings(
        String destination,
        int consumers,
        int prefetch,
        String host,
        int port,
        String username,
        String password,
        String virtualHost,
        long reconnectInitialDelayMs,
        long reconnectMaxDelayMs,
        long redeliveryDelayMs,
        long shutdownTimeoutMs) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_PORT = "5672";
    static final String DEFAULT_USERNAME = "guest";
    static final String DEFAULT_PASSWORD = "guest";
    static final String DEFAULT_VIRTUAL_HOST = "/";
    static final String DEFAULT_CONSUMERS = "4";
    static final String DEFAULT_PREFETCH = "1";
    static final String DEFAULT_RECONNECT_INITIAL_DELAY_MS = "1000";
    static final String DEFAULT_RECONNECT_MAX_DELAY_MS = "30000";
    static final String DEFAULT_REDELIVERY_DELAY_MS = "1000";
    static final String DEFAULT_SHUTDOWN_TIMEOUT_MS = "30000";

    static final int MAX_CONSUMERS = 1000;
    static final int MAX_PREFETCH = 65535;

    /**
     * Resolves and validates the settings of an activation.
     *
     * @param spec     the activation spec
     * @param adapter  the resource adapter (connection defaults), may be {@code null}
     * @param resolver resolves placeholders
     * @throws InvalidPropertyException listing every invalid property
     */
    static ConsumerSettings resolve(RabbitMQActivationSpec spec, RabbitMQResourceAdapter adapter, PlaceholderResolver resolver)
            throws InvalidPropertyException {
        Checker c = new Checker(spec, adapter, name -> value -> resolver.resolve(name, value), false);
        ConsumerSettings settings = c.build();
        c.throwIfInvalid();
        return settings;
    }

    /**
     * Validates what can be validated before placeholders are resolved: values containing a placeholder are not
     * checked.
     */
    static void validateUnresolved(RabbitMQActivationSpec spec) throws InvalidPropertyException {
        Checker c = new Checker(spec, null, name -> value -> value, true);
        c.build();
        c.throwIfInvalid();
    }

    /**
     * The settings of each queue this activation consumes: {@code destination} may list several queues,
     * comma-separated, each optionally with its own number of consumers ({@code orders:4,orders.slow:1}); a queue
     * without one gets {@code consumers}. Each queue has its own consumers, so a slow queue never holds up another.
     */
    List<ConsumerSettings> perQueue() {
        List<ConsumerSettings> queues = new ArrayList<>();
        for (String entry : destination.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            QueueEntry queue = QueueEntry.parse(entry.trim(), consumers);
            queues.add(new ConsumerSettings(queue.name(), queue.consumers(), prefetch, host, port, username, password,
                    virtualHost, reconnectInitialDelayMs, reconnectMaxDelayMs, redeliveryDelayMs, shutdownTimeoutMs));
        }
        return queues;
    }

    /** One entry of {@code destination}: a queue name, optionally followed by {@code :consumers}. */
    record QueueEntry(String name, int consumers) {
        static QueueEntry parse(String entry, int defaultConsumers) {
            int colon = entry.lastIndexOf(':');
            if (colon < 0) {
                if (entry.isEmpty()) {
                    throw new IllegalArgumentException("'destination' has an empty queue name");
                }
                return new QueueEntry(entry, defaultConsumers);
            }
            String name = entry.substring(0, colon).trim();
            String count = entry.substring(colon + 1).trim();
            int n;
            try {
                n = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'destination' entry '" + entry + "': '" + count
                        + "' is not a number of consumers");
            }
            if (name.isEmpty() || n < 0 || n > MAX_CONSUMERS) {
                throw new IllegalArgumentException("'destination' entry '" + entry
                        + "' must be a queue name and 0.." + MAX_CONSUMERS + " consumers");
            }
            return new QueueEntry(name, n);
        }
    }

    @Override
    public String toString() {
        return "ConsumerSettings[destination=" + destination + ", consumers=" + consumers + ", prefetch=" + prefetch
                + ", host=" + host + ", port=" + port + ", username=" + username + ", password=****"
                + ", virtualHost=" + virtualHost + ", reconnectInitialDelayMs=" + reconnectInitialDelayMs
                + ", reconnectMaxDelayMs=" + reconnectMaxDelayMs + ", redeliveryDelayMs=" + redeliveryDelayMs
                + ", shutdownTimeoutMs=" + shutdownTimeoutMs + "]";
    }

    private static final class Checker {
        private final RabbitMQActivationSpec spec;
        private final RabbitMQResourceAdapter adapter;
        private final Function<String, Function<String, String>> resolver;
        private final boolean skipPlaceholders;
        private final List<String> problems = new ArrayList<>();

        Checker(RabbitMQActivationSpec spec, RabbitMQResourceAdapter adapter,
                Function<String, Function<String, String>> resolver, boolean skipPlaceholders) {
            this.spec = spec;
            this.adapter = adapter;
            this.resolver = resolver;
            this.skipPlaceholders = skipPlaceholders;
        }

        ConsumerSettings build() {
            String destination = string("destination", spec.getDestination(), null, null);
            if (destination == null || destination.isBlank()) {
                problems.add("'destination' (the RabbitMQ queue name) is required");
            } else if (!isPlaceholder(destination)) {
                destination = destination.trim();
                for (String entry : destination.split(",")) {
                    checkQueueEntry(entry.trim());
                }
            }
            String destinationType = spec.getDestinationType();
            if (destinationType != null && !destinationType.isBlank() && !isPlaceholder(destinationType)) {
                String t = destinationType.trim();
                if (!t.equals("jakarta.jms.Queue") && !t.equals("javax.jms.Queue")) {
                    problems.add("'destinationType' = '" + t + "': only jakarta.jms.Queue is supported");
                }
            }

            // 0 = activated without consumers: the endpoint is deployed but takes nothing (e.g. a web-only node)
            int consumers = integer("consumers", spec.getConsumers(), null, DEFAULT_CONSUMERS, 0, MAX_CONSUMERS);
            int prefetch = integer("prefetch", spec.getPrefetch(), null, DEFAULT_PREFETCH, 1, MAX_PREFETCH);

            String host = string("host", spec.getHost(), adapter == null ? null : adapter.getHost(), DEFAULT_HOST);
            if (host != null && !isPlaceholder(host)) {
                host = host.trim();
                if (host.isEmpty()) {
                    problems.add("'host' must not be empty");
                }
            }
            int port = integer("port", spec.getPort(), adapter == null ? null : adapter.getPort(), DEFAULT_PORT, 1, 65535);
            String username = string("username", spec.getUsername(), adapter == null ? null : adapter.getUsername(), DEFAULT_USERNAME);
            if (username != null && username.isEmpty()) {
                problems.add("'username' must not be empty");
            }
            String password = string("password", spec.getPassword(), adapter == null ? null : adapter.getPassword(), DEFAULT_PASSWORD);
            String virtualHost = string("virtualHost", spec.getVirtualHost(), adapter == null ? null : adapter.getVirtualHost(), DEFAULT_VIRTUAL_HOST);
            if (virtualHost != null && virtualHost.isEmpty()) {
                problems.add("'virtualHost' must not be empty (the default virtual host is '/')");
            }

            long initial = longValue("reconnectInitialDelayMs", spec.getReconnectInitialDelayMs(), DEFAULT_RECONNECT_INITIAL_DELAY_MS, 1);
            long max = longValue("reconnectMaxDelayMs", spec.getReconnectMaxDelayMs(), DEFAULT_RECONNECT_MAX_DELAY_MS, 1);
            if (initial > 0 && max > 0 && max < initial) {
                problems.add("'reconnectMaxDelayMs' (" + max + ") must not be smaller than 'reconnectInitialDelayMs' (" + initial + ")");
            }
            long redelivery = longValue("redeliveryDelayMs", spec.getRedeliveryDelayMs(), DEFAULT_REDELIVERY_DELAY_MS, 0);
            long shutdown = longValue("shutdownTimeoutMs", spec.getShutdownTimeoutMs(), DEFAULT_SHUTDOWN_TIMEOUT_MS, 0);

            return new ConsumerSettings(destination, consumers, prefetch, host, port, username, password, virtualHost,
                    initial, max, redelivery, shutdown);
        }

        private void checkQueueEntry(String entry) {
            QueueEntry queue;
            try {
                queue = QueueEntry.parse(entry, 0);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return;
            }
            if (queue.name().getBytes(StandardCharsets.UTF_8).length > 255) {
                problems.add("'destination' must be at most 255 bytes long");
            } else if (queue.name().startsWith("amq.")) {
                problems.add("'destination' = '" + queue.name() + "': queue names starting with 'amq.' are reserved by RabbitMQ");
            }
        }

        void throwIfInvalid() throws InvalidPropertyException {
            if (!problems.isEmpty()) {
                String dest = spec.getDestination();
                throw new InvalidPropertyException("Invalid RabbitMQ activation config"
                        + (dest == null || dest.isBlank() ? "" : " for destination '" + dest + "'") + ": "
                        + String.join("; ", problems));
            }
        }

        private boolean isPlaceholder(String value) {
            return skipPlaceholders && PlaceholderResolver.containsPlaceholder(value);
        }

        /** activation-spec value, else adapter value, else default; blank means "not set"; then resolved */
        private String string(String name, String specValue, String adapterValue, String defaultValue) {
            String raw = notBlank(specValue) ? specValue : notBlank(adapterValue) ? adapterValue : defaultValue;
            if (raw == null) {
                return null;
            }
            try {
                return resolver.apply(name).apply(raw);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }

        private int integer(String name, String specValue, String adapterValue, String defaultValue, int min, int max) {
            String value = string(name, specValue, adapterValue, defaultValue);
            if (value == null || isPlaceholder(value)) {
                return -1;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n < min || n > max) {
                    problems.add("'" + name + "' = '" + value + "' must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add("'" + name + "' = '" + value + "' is not an integer");
                return -1;
            }
        }

        private long longValue(String name, String specValue, String defaultValue, long min) {
            String value = string(name, specValue, null, defaultValue);
            if (value == null || isPlaceholder(value)) {
                return -1;
            }
            try {
                long n = Long.parseLong(value.trim());
                if (n < min) {
                    problems.add("'" + name + "' = '" + value + "' must be >= " + min);
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add("'" + name + "' = '" + value + "' is not an integer (milliseconds)");
                return -1;
            }
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}

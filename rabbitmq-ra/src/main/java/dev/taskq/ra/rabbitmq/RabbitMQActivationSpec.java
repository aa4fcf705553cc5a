package dev.taskq.ra.rabbitmq;

import java.io.Serializable;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Activation spec of the RabbitMQ resource adapter: the activation config properties of a message-driven bean.
 *
 * <p>All properties are strings so that {@code ${key}} / {@code ${key:default}} placeholders can be used in any of
 * them; placeholders are resolved when the endpoint is activated (see {@link PlaceholderResolver}).</p>
 *
 * <p>Messages are read as plain AMQP messages (rabbitmq-jms's "AMQP destination"), as any AMQP client sends them: a
 * message with the header {@code JMSType: TextMessage} is delivered as a {@code TextMessage} of its body in UTF-8,
 * any other as a {@code BytesMessage}; its headers are its properties, its {@code message_id} its JMSMessageID. A
 * message in rabbitmq-jms's own serialized format arrives as a {@code BytesMessage} of that format.</p>
 *
 * <table>
 *     <caption>Activation config properties</caption>
 *     <tr><th>Property</th><th>Default</th><th>Meaning</th></tr>
 *     <tr><td>destination</td><td>(required)</td><td>queue name, or several comma-separated, each optionally
 *         with its own number of consumers ({@code orders:4,orders.slow:1}); each queue is declared like rabbitmq-jms declares
 *         {@code session.createQueue(name)}: durable, bound to exchange {@code jms.durable.queues} with routing key
 *         = queue name</td></tr>
 *     <tr><td>consumers</td><td>4</td><td>number of concurrent consumers, each with its own connection; bounds the
 *         number of concurrent onMessage calls; 0 activates the endpoint without consuming anything</td></tr>
 *     <tr><td>prefetch</td><td>1</td><td>unacknowledged messages the broker may push to each consumer</td></tr>
 *     <tr><td>host, port, username, password, virtualHost</td><td>resource adapter properties, else 127.0.0.1,
 *         5672, guest, guest, /</td><td>broker connection</td></tr>
 *     <tr><td>reconnectInitialDelayMs</td><td>1000</td><td>first delay before reconnecting</td></tr>
 *     <tr><td>reconnectMaxDelayMs</td><td>30000</td><td>maximum delay between reconnection attempts</td></tr>
 *     <tr><td>redeliveryDelayMs</td><td>1000</td><td>delay before a message whose delivery failed is returned to the
 *         queue</td></tr>
 *     <tr><td>shutdownTimeoutMs</td><td>30000</td><td>how long deactivation waits for in-flight deliveries</td></tr>
 *     <tr><td>destinationType</td><td>(none)</td><td>accepted for compatibility; must be jakarta.jms.Queue if set</td></tr>
 *     <tr><td>acknowledgeMode</td><td>(none)</td><td>accepted for compatibility and ignored: messages are always
 *         acknowledged after a successful delivery</td></tr>
 * </table>
 */
public class RabbitMQActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;

    private String destination;
    private String destinationType;
    private String acknowledgeMode;
    private String consumers = ConsumerSettings.DEFAULT_CONSUMERS;
    private String prefetch = ConsumerSettings.DEFAULT_PREFETCH;
    private String host;
    private String port;
    private String username;
    private String password;
    private String virtualHost;
    private String reconnectInitialDelayMs = ConsumerSettings.DEFAULT_RECONNECT_INITIAL_DELAY_MS;
    private String reconnectMaxDelayMs = ConsumerSettings.DEFAULT_RECONNECT_MAX_DELAY_MS;
    private String redeliveryDelayMs = ConsumerSettings.DEFAULT_REDELIVERY_DELAY_MS;
    private String shutdownTimeoutMs = ConsumerSettings.DEFAULT_SHUTDOWN_TIMEOUT_MS;

    /**
     * Checks the properties that do not contain placeholders; values with placeholders are checked after resolution
     * at endpoint activation.
     */
    @Override
    public void validate() throws InvalidPropertyException {
        ConsumerSettings.validateUnresolved(this);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getConsumers() {
        return consumers;
    }

    public void setConsumers(String consumers) {
        this.consumers = consumers;
    }

    public String getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(String prefetch) {
        this.prefetch = prefetch;
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

    public String getReconnectInitialDelayMs() {
        return reconnectInitialDelayMs;
    }

    public void setReconnectInitialDelayMs(String reconnectInitialDelayMs) {
        this.reconnectInitialDelayMs = reconnectInitialDelayMs;
    }

    public String getReconnectMaxDelayMs() {
        return reconnectMaxDelayMs;
    }

    public void setReconnectMaxDelayMs(String reconnectMaxDelayMs) {
        this.reconnectMaxDelayMs = reconnectMaxDelayMs;
    }

    public String getRedeliveryDelayMs() {
        return redeliveryDelayMs;
    }

    public void setRedeliveryDelayMs(String redeliveryDelayMs) {
        this.redeliveryDelayMs = redeliveryDelayMs;
    }

    public String getShutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    public void setShutdownTimeoutMs(String shutdownTimeoutMs) {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
    }

    @Override
    public String toString() {
        return "RabbitMQActivationSpec[destination=" + destination + ", consumers=" + consumers + ", prefetch=" + prefetch
                + ", host=" + host + ", port=" + port + ", username=" + username + ", virtualHost=" + virtualHost + "]";
    }
}

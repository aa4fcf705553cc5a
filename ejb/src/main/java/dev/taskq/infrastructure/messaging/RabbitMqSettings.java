package dev.taskq.infrastructure.messaging;

import com.rabbitmq.client.ConnectionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where RabbitMQ is and which queues taskq uses ({@code taskq.rabbitmq.*}, {@code taskq.queue},
 * {@code taskq.dead-letter-queue}): the one place the application's own connections (publisher, queue inspector)
 * read them. The consumers' settings reach the resource adapter through the MDB's activation properties.
 */
@ApplicationScoped
public class RabbitMqSettings {
    /** TCP connect timeout of the application's own connections. */
    static final int CONNECT_TIMEOUT_MS = 5_000;

    @Inject
    @ConfigProperty(name = "taskq.rabbitmq.host")
    String host;
    @Inject
    @ConfigProperty(name = "taskq.rabbitmq.port")
    int port;
    @Inject
    @ConfigProperty(name = "taskq.rabbitmq.username")
    String username;
    @Inject
    @ConfigProperty(name = "taskq.rabbitmq.password")
    String password;
    @Inject
    @ConfigProperty(name = "taskq.rabbitmq.virtual-host")
    String virtualHost;
    @Inject
    @ConfigProperty(name = "taskq.queue")
    String queueName;
    @Inject
    @ConfigProperty(name = "taskq.dead-letter-queue")
    String deadLetterQueueName;

    /**
     * Points an amqp-client connection factory at the broker. Automatic recovery is off: the application's
     * connections are dropped and made again by their owners, so a half-recovered connection never hides a lost
     * broker.
     */
    public void configure(ConnectionFactory factory) {
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        factory.setAutomaticRecoveryEnabled(false);
    }

    /** {@code host:port}, for log lines. */
    public String address() {
        return host + ":" + port;
    }

    public String queueName() {
        return queueName;
    }

    public String deadLetterQueueName() {
        return deadLetterQueueName;
    }
}

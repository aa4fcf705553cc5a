package dev.taskq.reliability.lab;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A RabbitMQ node of the lab's own ({@code taskq-lab-<pid>@localhost}, free loopback ports, data and logs under
 * the lab directory, no plugins), started with the installed {@code rabbitmq-server} as the current user. Never the
 * shared node: it has its own node name, ports, Erlang cookie (in its own HOME) and configuration file.
 */
public final class PrivateRabbitMq implements BackingService, AutoCloseable {
    private static final Path SBIN = Path.of("/usr/lib/rabbitmq/bin");

    private final Path dir;
    private final String node = "taskq-lab-" + ProcessHandle.current().pid() + "@localhost";
    private final int port = Processes.freePort();
    private final int distributionPort = Processes.freePort();
    private long pid;

    PrivateRabbitMq(Path dir) {
        this.dir = dir;
    }

    public int port() {
        return port;
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(dir.resolve("home"));
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.1 = 127.0.0.1:" + port + "\n"
                    + "disk_free_limit.absolute = 50MB\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.Result started = Processes.run(List.of(SBIN.resolve("rabbitmq-server").toString(), "-detached"),
                environment(), Duration.ofSeconds(60));
        if (!started.ok()) {
            throw new IllegalStateException("rabbitmq-server did not start: " + started.output());
        }
        Processes.await("the private RabbitMQ node " + node + " runs", Duration.ofSeconds(90),
                () -> ctl("await_startup", "--timeout", "5").ok());
        Processes.await("the private RabbitMQ takes connections on " + port, Duration.ofSeconds(30),
                () -> Processes.listening(port));
        pid = Long.parseLong(ctl("eval", "list_to_integer(os:getpid()).").output().trim());
    }

    @Override
    public void kill() {
        Processes.killHard(pid);
        Processes.await("the private RabbitMQ is gone", Duration.ofSeconds(10), () -> !Processes.listening(port));
    }

    /** Whether the node takes AMQP connections. */
    public boolean answersAmqp() {
        try (Connection connection = connect()) {
            return connection.isOpen();
        } catch (IOException | TimeoutException e) {
            return false;
        }
    }

    /** Ready messages in {@code queue} (0 when it does not exist yet). */
    public long depth(String queue) {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            return 0;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new AMQP connection to this node (the caller closes it). */
    public Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("taskq-reliability-tests");
    }

    private Processes.Result ctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(SBIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(arguments));
        return Processes.run(command, environment(), Duration.ofSeconds(30));
    }

    private Map<String, String> environment() {
        return Map.of(
                "HOME", dir.resolve("home").toString(),
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_PORT", Integer.toString(port),
                "RABBITMQ_DIST_PORT", Integer.toString(distributionPort),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
    }

    @Override
    public void close() {
        if (pid != 0 && ProcessHandle.of(pid).isPresent() && !ctl("shutdown").ok()) {
            Processes.killHard(pid);
        }
    }
}

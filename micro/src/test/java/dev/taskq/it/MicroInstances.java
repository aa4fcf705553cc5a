package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Payara Micro instances a test starts and stops itself (when one instance under Arquillian is not enough: several
 * instances, kills, restarts), each started by the one launcher of a node (payara-config/micro/start-micro.sh, as a
 * container is), with the resource adapter and taskq's WAR with the test kinds, its own {@code taskq.queue} and
 * Redis key prefix, its settings as the {@code TASKQ_*} environment variables, and its log under
 * {@code target/<name>}.
 */
final class MicroInstances implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** The one launcher of a node, the container image's entrypoint (payara-config/micro/start-micro.sh). */
    private static final Path LAUNCHER = Path.of(System.getProperty("taskq.it.launcher"));
    /** The one readiness probe of a node, which the containers' health checks run too. */
    private static final Path PROBE = LAUNCHER.getParent().getParent().resolve("healthcheck.sh");

    private final Path work;
    private final Path war;
    private final String queue;
    private final String keyPrefix;
    private final List<String> settings;
    private final List<Instance> started = new ArrayList<>();
    private int launches;

    /**
     * @param name      the folder under target/ for the WAR and the logs
     * @param queue     the instances' {@code taskq.queue}
     * @param keyPrefix their {@code taskq.redis.key-prefix}
     * @param settings  more settings for every instance, each {@code taskq.<key>=<value>}
     */
    MicroInstances(String name, String queue, String keyPrefix, String... settings) throws IOException {
        this.work = Files.createDirectories(Path.of(System.getProperty("taskq.it.war")).resolveSibling(name));
        this.war = work.resolve("taskq.war");
        this.queue = queue;
        this.keyPrefix = keyPrefix;
        this.settings = List.of(settings);
        DeployedTaskq.war().as(ZipExporter.class).exportTo(war.toFile(), true);
    }

    Path work() {
        return work;
    }

    /** Launches instance {@code name} with {@code more} settings (it is not ready yet: see {@link #awaitReady}). */
    Instance launch(String name, String... more) {
        return launch(name, war, more);
    }

    /** Launches an instance deploying {@code deployment} instead of the test WAR. */
    Instance launch(String name, Path deployment, String... more) {
        launches++;
        return launch(name, deployment, work.resolve(name + "-root-" + launches), more);
    }

    /**
     * Starts instance {@code name} in the runtime directory ({@code TASKQ_ROOT_DIR}) that {@code earlier} ran in, as
     * a container restarted with its runtime directory kept, and waits until it is ready.
     */
    Instance startIn(Instance earlier, String name, String... more) {
        Instance instance = launch(name, war, earlier.rootDir(), more);
        awaitReady(instance);
        return instance;
    }

    private Instance launch(String name, Path deployment, Path rootDir, String... more) {
        int port = freePort();
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(variable -> variable.startsWith("TASKQ_"));
        setting(env, "taskq.instance.name=" + name);
        setting(env, "taskq.queue=" + queue);
        setting(env, "taskq.redis.key-prefix=" + keyPrefix);
        setting(env, "taskq.admin.password-hash=" + System.getProperty("taskq.it.adminPasswordHash"));
        settings.forEach(setting -> setting(env, setting));
        List.of(more).forEach(setting -> setting(env, setting));
        env.put("TASKQ_HTTP_PORT", Integer.toString(port));
        env.put("TASKQ_ROOT_DIR", rootDir.toString());
        env.put("TASKQ_MICRO_JAR", System.getProperty("taskq.it.microJar"));
        env.put("TASKQ_RAR", System.getProperty("taskq.it.rar"));
        env.put("TASKQ_WAR", deployment.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // a running Docker engine adds interfaces that Payara Micro would report as its address
        env.put("JVM_ARGS", "-Xmx384m -Djava.net.preferIPv4Stack=true");
        try {
            Files.deleteIfExists(log);
            Process process = builder.start();
            Instance instance = new Instance(name, process, port, log, rootDir, client(port));
            started.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code taskq.redis.key-prefix=x} as the environment variable {@code TASKQ_REDIS_KEY_PREFIX=x}, the way a
     * container is configured (MicroProfile Config's mapping of a key to a variable).
     */
    private static void setting(Map<String, String> env, String setting) {
        int equals = setting.indexOf('=');
        if (equals < 1 || !setting.startsWith("taskq.")) {
            throw new IllegalArgumentException("a setting is taskq.<key>=<value>, not " + setting);
        }
        env.put(setting.substring(0, equals).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT),
                setting.substring(equals + 1));
    }

    /** Launches instance {@code name} and waits until it is ready. */
    Instance start(String name, String... more) {
        Instance instance = launch(name, more);
        awaitReady(instance);
        return instance;
    }

    /** Waits until each instance answers its readiness probe. */
    static void awaitReady(Instance... instances) {
        for (Instance instance : instances) {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> {
                        assertThat(instance.process().isAlive()).as("instance " + instance.name()
                                + " is running; see " + instance.log()).isTrue();
                        Process probe = new ProcessBuilder(PROBE.toString(), Integer.toString(instance.port()))
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
                    });
        }
    }

    /**
     * Stops every instance started, then deletes the queues they used: {@code taskq.queue}, the queues of the WAR's
     * kinds with a queue of their own (the test kind it-slow's "slow", the example digest's "cpu") and the dead
     * letters.
     */
    @Override
    public void close() throws Exception {
        for (Instance instance : started) {
            instance.stop();
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getProperty("taskq.it.rabbitmq.host", "127.0.0.1"));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String used : List.of(queue, queue + ".slow", queue + ".cpu", queue + ".dead")) {
                channel.queueDelete(used);
            }
        }
    }

    private static TaskqClient client(int port) {
        try {
            return new TaskqClient(new URL("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One running instance. */
    record Instance(String name, Process process, int port, Path log, Path rootDir, TaskqClient client) {

        /** {@code kill -9}: the process ends at once, with whatever it held. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM, then SIGKILL if it has not stopped within a minute. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

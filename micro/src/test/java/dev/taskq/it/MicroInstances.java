package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Payara Micro instances a test starts and stops itself (when one instance under Arquillian is not enough: several
 * instances, kills, restarts), each with the resource adapter and taskq's WAR with the test kinds, its own
 * {@code taskq.queue} and Redis key prefix, and its log under {@code target/<name>}.
 */
final class MicroInstances implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path work;
    private final Path war;
    private final String queue;
    private final String keyPrefix;
    private final List<String> settings;
    private final List<Instance> started = new ArrayList<>();

    /**
     * @param name      the folder under target/ for the WAR and the logs
     * @param queue     the instances' {@code taskq.queue}
     * @param keyPrefix their {@code taskq.redis.key-prefix}
     * @param settings  more {@code -D} settings for every instance
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
        int port = freePort();
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx384m", "-Djava.net.preferIPv4Stack=true",
                "-Dtaskq.instance.name=" + name,
                "-Dtaskq.queue=" + queue,
                "-Dtaskq.redis.key-prefix=" + keyPrefix,
                "-Dtaskq.admin.password-hash=" + System.getProperty("taskq.it.adminPasswordHash")));
        command.addAll(settings);
        command.addAll(List.of(more));
        command.addAll(List.of("-jar", System.getProperty("taskq.it.microJar"),
                "--nocluster", "--port", Integer.toString(port),
                "--deploy", System.getProperty("taskq.it.rar"),
                "--deploy", deployment + ":/"));
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            Instance instance = new Instance(name, process, log, client(port));
            started.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                        return instance.client().get("/health/ready").status() == 200;
                    });
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Instance instance : started) {
            instance.stop();
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
    record Instance(String name, Process process, Path log, TaskqClient client) {

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

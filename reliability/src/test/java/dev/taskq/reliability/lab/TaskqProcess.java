package dev.taskq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * taskq started by the one launcher every node goes through, {@code payara-config/micro/start-micro.sh} (the
 * container's entrypoint, also used by {@code ./run.sh}): rabbitmq-ra.rar + taskq.war with the pre- and post-boot
 * command files, as a plain child process that a test can {@code kill -9}, stop with SIGTERM and start again (the
 * launcher execs the JVM, so the child's pid is the JVM's). Each start is a new process on the same port and
 * settings (the {@code taskq.*} keys as the {@code TASKQ_*} environment variables a container gets), with its own
 * log file.
 */
public final class TaskqProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    private static final Path LAUNCHER = Path.of(System.getProperty("taskq.repo", ".."))
            .resolve("payara-config/micro/start-micro.sh").toAbsolutePath().normalize();
    /** The one readiness probe of a node, which the containers' health checks run too. */
    private static final Path PROBE = LAUNCHER.getParent().getParent().resolve("healthcheck.sh");

    private final Path deploy;
    private final Path dir;
    private final Map<String, String> settings;
    private final int port = Processes.freePort();
    private final Http http;
    private Process process;
    private int starts;

    TaskqProcess(Path deploy, Path dir, Map<String, String> settings) {
        this.deploy = deploy;
        this.dir = dir;
        this.settings = settings;
        this.http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** The HTTP client of this instance, as a user reaches it. */
    public Http http() {
        return http;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts a new process and returns once the readiness probe, healthcheck.sh, passes (RabbitMQ and Redis UP). */
    public Duration start() {
        if (isRunning()) {
            throw new IllegalStateException("taskq is running already");
        }
        long began = System.nanoTime();
        starts++;
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("taskq-" + starts + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("TASKQ_"));
            settings.forEach((key, value) -> env.put(environmentName(key), value));
            env.put("TASKQ_INSTANCE_NAME", "reliability-" + starts);
            env.put("TASKQ_HTTP_PORT", Integer.toString(port));
            env.put("TASKQ_ROOT_DIR", dir.resolve("root-" + starts).toString());
            env.put("TASKQ_MICRO_JAR", deploy.resolve("payara-micro.jar").toString());
            env.put("TASKQ_RAR", deploy.resolve("rabbitmq-ra.rar").toString());
            env.put("TASKQ_WAR", deploy.resolve("taskq.war").toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JVM_ARGS", "-Xmx512m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.await("taskq (start " + starts + ") is ready on port " + port, STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("taskq exited with " + process.exitValue() + "; see " + log());
            }
            return probeSaysReady();
        });
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private boolean probeSaysReady() {
        try {
            Process probe = new ProcessBuilder(PROBE.toString(), Integer.toString(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no clean-up, connections simply vanish. */
    public void kill() {
        Processes.killHard(process.pid());
    }

    /**
     * SIGTERM, as a container runtime sends it, then waits for the process to exit.
     *
     * @return how long the graceful shutdown took
     */
    public Duration terminate(Duration timeout) {
        long began = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("taskq did not stop within " + timeout + " of SIGTERM; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The log file of the current (or last) process. */
    public Path log() {
        return dir.resolve("taskq-" + starts + ".log");
    }

    /** {@code taskq.redis.key-prefix} → {@code TASKQ_REDIS_KEY_PREFIX}, as MicroProfile Config maps them. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        if (isRunning()) {
            kill();
        }
    }
}

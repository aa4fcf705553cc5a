package dev.taskq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * taskq as {@code ./run.sh} runs it — {@code java -jar payara-micro.jar --deploy rabbitmq-ra.rar --deploy
 * taskq.war:/} — as a plain child process that a test can {@code kill -9}, stop with SIGTERM and start again. Each
 * start is a new process on the same port and settings ({@code -Dtaskq.*}), with its own log file.
 */
public final class TaskqProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

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

    /** Starts a new process and waits until {@code /health/ready} says RabbitMQ and Redis are UP. */
    public Duration start() {
        if (isRunning()) {
            throw new IllegalStateException("taskq is running already");
        }
        long began = System.nanoTime();
        starts++;
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dtaskq.instance.name=reliability-" + starts);
        command.addAll(List.of("-jar", deploy.resolve("payara-micro.jar").toString(), "--nocluster",
                "--port", Integer.toString(port), "--rootdir", dir.resolve("root-" + starts).toString(),
                "--deploy", deploy.resolve("rabbitmq-ra.rar").toString(),
                "--deploy", deploy.resolve("taskq.war") + ":/"));
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("taskq-" + starts + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.await("taskq (start " + starts + ") is ready on port " + port, STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("taskq exited with " + process.exitValue() + "; see " + log());
            }
            return http.ready();
        });
        return Duration.ofNanos(System.nanoTime() - began);
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

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        if (isRunning()) {
            kill();
        }
    }
}

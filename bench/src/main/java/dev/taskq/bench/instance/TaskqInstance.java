package dev.taskq.bench.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import dev.taskq.bench.BenchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One Payara Micro process running taskq as {@code ./run.sh} does (rabbitmq-ra.rar + taskq.war at /, the same
 * pre- and post-boot command files), with {@code TASKQ_WORK_DELAY_MS=0}, on a free port, with a queue and Redis key prefix of
 * its own so that it shares the broker and the store with nobody.
 */
public final class TaskqInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TaskqInstance.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILURE", "REVOKED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSettings settings;
    private final int port;
    private final String name;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path workDir;
    private long launchedNanos;
    private long firstTaskMillis = -1;

    /** An instance that will listen on {@code port} once {@link #start} ran. */
    public TaskqInstance(BenchSettings settings, int port) {
        this.settings = settings;
        this.port = port;
        this.name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String queue() {
        return "taskq." + name;
    }

    public String deadLetterQueue() {
        return queue() + ".dead";
    }

    public String keyPrefix() {
        return "taskq-" + name;
    }

    public long pid() {
        return process.pid();
    }

    /** Milliseconds from launching the process to seeing its first task terminal. */
    public long startToFirstTaskMillis() {
        return firstTaskMillis;
    }

    /**
     * Launches the process in a new {@code workDir} (emptied first: a Payara Micro root directory left by an earlier
     * run would be reused, with that run's deployments), waits until it serves the API, then submits one task and
     * waits until it is done. The process's output goes to {@code workDir/payara.log}.
     */
    public TaskqInstance start(Path workDir) throws IOException, InterruptedException {
        this.workDir = workDir;
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        // copies: a build of micro/ while the instance runs must not change the jars it loads classes from
        Path microJar = copy(settings.microJar(), workDir);
        Path rar = copy(settings.rar(), workDir);
        Path war = copy(settings.war(), workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.instanceJvmArgs());
        command.addAll(List.of("-jar", microJar.toString(),
                "--nocluster", "--port", Integer.toString(port), "--rootdir", workDir.resolve("root").toString(),
                "--prebootcommandfile", settings.preBoot().toString(),
                "--postbootcommandfile", settings.postBoot().toString(),
                "--deploy", rar.toString(),
                "--deploy", war + ":/"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("payara.log").toFile());
        builder.environment().put("TASKQ_WORK_DELAY_MS", "0");
        builder.environment().put("TASKQ_QUEUE", queue());
        builder.environment().put("TASKQ_DEAD_LETTER_QUEUE", deadLetterQueue());
        builder.environment().put("TASKQ_REDIS_KEY_PREFIX", keyPrefix());
        builder.environment().put("TASKQ_INSTANCE_NAME", name);
        builder.environment().put("TASKQ_RABBITMQ_HOST", settings.rabbitmqHost());
        builder.environment().put("TASKQ_REDIS_HOST", settings.redisHost());
        LOG.info(() -> "starting taskq " + name + " on " + baseUrl() + ": " + String.join(" ", command));
        launchedNanos = System.nanoTime();
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
        long deadline = launchedNanos + START_TIMEOUT.toNanos();
        while (!servesTheApi()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("taskq did not start; see " + workDir.resolve("payara.log"));
            }
            Thread.sleep(100);
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"reverse\",\"text\":\"first task\"}")));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the first task was refused: " + accepted.statusCode() + " "
                    + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).path("task_id").asText();
        while (!TERMINAL.contains(JSON.readTree(get("/api/tasks/" + id).body()).path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the first task did not finish; see " + workDir.resolve("payara.log"));
            }
            Thread.sleep(5);
        }
        firstTaskMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedNanos);
        LOG.info(() -> "taskq " + name + " ran its first task " + firstTaskMillis + " ms after launch");
        return this;
    }

    /** The Prometheus text of the instance's /metrics. */
    public String metrics() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/metrics")).header("Accept", "text/plain")
                .GET());
        return response == null ? "" : response.body();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Path copy(Path file, Path dir) throws IOException {
        return Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether an unknown task id gets taskq's 404 problem (JSON), not the bare server's 404 page. */
    private boolean servesTheApi() {
        HttpResponse<String> response = get("/api/tasks/" + UUID.randomUUID());
        return response != null && response.statusCode() == 404
                && response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after 30 s) and deletes its queues and Redis keys, and in its work
     * directory everything but payara.log (the copies of the artifacts and Payara's root directory, ~300 MB).
     */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        deleteQueue();
        deleteKeys();
        if (workDir != null) {
            try (Stream<Path> files = Files.list(workDir)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("payara.log")).toList()) {
                    deleteRecursively(file);
                }
            }
        }
    }

    private void deleteQueue() throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.rabbitmqHost());
        try (com.rabbitmq.client.Connection connection = factory.newConnection("taskq-bench cleanup");
                Channel channel = connection.createChannel()) {
            channel.queueDelete(queue());
            channel.queueDelete(deadLetterQueue());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    private void deleteKeys() {
        try (JedisPooled redis = new JedisPooled(settings.redisHost(), 6379)) {
            ScanParams match = new ScanParams().match(keyPrefix() + ":*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    redis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}

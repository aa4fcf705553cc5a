package dev.taskq.bench.instance;

import dev.taskq.bench.BenchSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One Payara Micro process running taskq, started by the one launcher every node goes through
 * ({@code payara-config/micro/start-micro.sh}, beside the pre- and post-boot command files: the container's
 * entrypoint, also used by {@code ./run.sh}), with {@code TASKQ_WORK_DELAY_MS=0}, on a free port, with a queue and
 * Redis key prefix of its own so that it shares the broker and the store with nobody. The launcher execs the JVM,
 * so the child's pid is the instance's.
 */
public final class TaskqInstance implements SystemUnderTest {
    private static final Logger LOG = Logger.getLogger(TaskqInstance.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final BenchSettings settings;
    private final int port;
    private final String name;
    private final TaskApiClient api;
    private Process process;
    private Path workDir;
    private long firstTaskMillis = -1;

    /** An instance that will listen on {@code port} once {@link #start} ran. */
    public TaskqInstance(BenchSettings settings, int port) {
        this.settings = settings;
        this.port = port;
        this.name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        this.api = new TaskApiClient(baseUrl());
    }

    @Override
    public String target() {
        return "taskq";
    }

    @Override
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

    /** The Payara Micro process (taskq runs in that one process). */
    @Override
    public List<Long> pids() {
        return List.of(process.pid());
    }

    @Override
    public long startToFirstTaskMillis() {
        return firstTaskMillis;
    }

    /**
     * Launches the process in a new {@code workDir} (emptied first: a Payara Micro root directory left by an earlier
     * run would be reused, with that run's deployments), waits until it serves the API, then submits one task and
     * waits until it is done. The process's output goes to {@code workDir/payara.log}.
     */
    @Override
    public void start(Path workDir) throws IOException, InterruptedException {
        this.workDir = workDir;
        LocalProcesses.emptyDirectory(workDir);
        // copies: a build of micro/ while the instance runs must not change the jars it loads classes from
        Path microJar = copy(settings.microJar(), workDir);
        Path rar = copy(settings.rar(), workDir);
        Path war = copy(settings.war(), workDir);
        Path launcher = settings.preBoot().toAbsolutePath().getParent().resolve("micro/start-micro.sh");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("payara.log").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TASKQ_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JVM_ARGS", String.join(" ", settings.instanceJvmArgs()));
        builder.environment().put("TASKQ_MICRO_JAR", microJar.toString());
        builder.environment().put("TASKQ_RAR", rar.toString());
        builder.environment().put("TASKQ_WAR", war.toString());
        builder.environment().put("TASKQ_PREBOOT", settings.preBoot().toString());
        builder.environment().put("TASKQ_POSTBOOT", settings.postBoot().toString());
        builder.environment().put("TASKQ_HTTP_PORT", Integer.toString(port));
        builder.environment().put("TASKQ_ROOT_DIR", workDir.resolve("root").toString());
        builder.environment().put("TASKQ_WORK_DELAY_MS", "0");
        builder.environment().put("TASKQ_QUEUE", queue());
        builder.environment().put("TASKQ_DEAD_LETTER_QUEUE", deadLetterQueue());
        builder.environment().put("TASKQ_REDIS_KEY_PREFIX", keyPrefix());
        builder.environment().put("TASKQ_INSTANCE_NAME", name);
        builder.environment().put("TASKQ_RABBITMQ_HOST", settings.rabbitmqHost());
        builder.environment().put("TASKQ_REDIS_HOST", settings.redisHost());
        LOG.info(() -> "starting taskq " + name + " on " + baseUrl() + " with " + launcher);
        long launchedNanos = System.nanoTime();
        process = builder.start();
        LocalProcesses.killOnExit(process, name);
        api.awaitFirstTask(launchedNanos + START_TIMEOUT.toNanos(), this::servesTheApi, process::isAlive,
                workDir.resolve("payara.log").toString());
        firstTaskMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedNanos);
        LOG.info(() -> "taskq " + name + " ran its first task " + firstTaskMillis + " ms after launch");
    }

    /** The Prometheus text of the instance's /metrics. */
    @Override
    public String metrics() {
        HttpResponse<String> response = api.get("/metrics", "text/plain");
        return response == null ? "" : response.body();
    }

    private static Path copy(Path file, Path dir) throws IOException {
        return Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether an unknown task id gets taskq's 404 problem (JSON), not the bare server's 404 page. */
    private boolean servesTheApi() {
        HttpResponse<String> response = api.get("/api/tasks/" + UUID.randomUUID(), "application/json");
        return response != null && response.statusCode() == 404
                && response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after 30 s) and deletes its queues and Redis keys, and in its work
     * directory everything but payara.log (the copies of the artifacts and Payara's root directory, ~300 MB).
     */
    @Override
    public void close() throws IOException, InterruptedException {
        LocalProcesses.stop(process);
        RabbitCleanup.delete(settings.rabbitmqHost(), List.of(queue(), deadLetterQueue()), List.of());
        deleteKeys();
        if (workDir != null) {
            try (Stream<Path> files = Files.list(workDir)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("payara.log")).toList()) {
                    LocalProcesses.deleteRecursively(file);
                }
            }
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

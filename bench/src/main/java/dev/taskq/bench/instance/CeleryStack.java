package dev.taskq.bench.instance;

import dev.taskq.bench.BenchSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;

/**
 * The Celery reference stack of bench/celery, as the seed demo ran it: gunicorn with sync workers serving the Flask
 * app, and one Celery worker (prefork pool), RabbitMQ as broker and Redis as result backend. Tasks do no simulated
 * work and a failed email is retried at once ({@code WORK_DELAY_S=0}, {@code RETRY_DELAY_S=0}). It has a queue of
 * its own, and a Redis database of its own that must be empty at the start; both are deleted afterwards.
 */
public final class CeleryStack implements SystemUnderTest {
    private static final Logger LOG = Logger.getLogger(CeleryStack.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final BenchSettings settings;
    private final BenchSettings.Celery celery;
    private final int port;
    private final String queue;
    private final TaskApiClient api;
    private Process gunicorn;
    private Process worker;
    private long firstTaskMillis = -1;
    /** Whether the result backend's database was found empty: only then is it flushed afterwards. */
    private boolean ownsRedisDb;

    /** A stack whose Flask app will listen on {@code port} once {@link #start} ran. */
    public CeleryStack(BenchSettings settings, int port) {
        this.settings = settings;
        this.celery = settings.celery();
        this.port = port;
        this.queue = "celery-bench-" + UUID.randomUUID().toString().substring(0, 8);
        this.api = new TaskApiClient(baseUrl());
    }

    @Override
    public String target() {
        return "celery";
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The gunicorn master and its workers, the Celery worker's main process and its pool processes. */
    @Override
    public List<Long> pids() {
        return Stream.of(gunicorn, worker).flatMap(p -> LocalProcesses.treePids(p).stream()).toList();
    }

    @Override
    public long startToFirstTaskMillis() {
        return firstTaskMillis;
    }

    /**
     * Launches the Celery worker and gunicorn from bench/celery (their output: {@code workDir/celery.log},
     * {@code workDir/gunicorn.log}), waits until the app answers, then submits one task and waits until it is done.
     */
    @Override
    public void start(Path workDir) throws IOException, InterruptedException {
        try (Jedis redis = resultBackend()) {
            if (redis.dbSize() > 0) {
                throw new IllegalStateException("Redis database " + celery.redisDb() + " (bench.celery.redis-db) "
                        + "holds keys; the benchmark flushes it afterwards, so it must be empty at the start");
            }
        }
        ownsRedisDb = true;
        LocalProcesses.emptyDirectory(workDir);
        long launchedNanos = System.nanoTime();
        worker = launch(workDir.resolve("celery.log"), "-m", "celery", "-A", "tasks", "worker", "--pool", "prefork",
                "--concurrency", Integer.toString(celery.concurrency()), "-Q", queue, "--loglevel", "WARNING");
        gunicorn = launch(workDir.resolve("gunicorn.log"), "-m", "gunicorn", "--worker-class", "sync",
                "-w", Integer.toString(celery.gunicornWorkers()), "-b", "127.0.0.1:" + port, "app:app");
        api.awaitFirstTask(launchedNanos + START_TIMEOUT.toNanos(), this::servesTheApi,
                () -> gunicorn.isAlive() && worker.isAlive(), workDir.resolve("*.log").toString());
        firstTaskMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedNanos);
        LOG.info(() -> "Celery stack on " + baseUrl() + " ran its first task " + firstTaskMillis + " ms after launch");
    }

    private Process launch(Path log, String... arguments) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(celery.python()), Stream.of(arguments))
                .toList())
                .directory(celery.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "CELERY_BROKER_URL", "amqp://guest:guest@" + settings.rabbitmqHost() + ":5672//",
                "CELERY_RESULT_BACKEND", "redis://" + settings.redisHost() + ":6379/" + celery.redisDb(),
                "CELERY_QUEUE", queue,
                "WORK_DELAY_S", "0",
                "RETRY_DELAY_S", "0"));
        LOG.info(() -> "starting " + String.join(" ", builder.command()) + " in " + celery.dir());
        Process process = builder.start();
        LocalProcesses.killOnExit(process, "celery bench " + arguments[1]);
        return process;
    }

    /** Whether the Flask app answers a status read (Celery reports an unknown id as PENDING). */
    private boolean servesTheApi() {
        HttpResponse<String> response = api.get("/api/tasks/" + UUID.randomUUID(), "application/json");
        return response != null && response.statusCode() == 200;
    }

    /** None: the stack has no metrics endpoint. */
    @Override
    public String metrics() {
        return "";
    }

    private Jedis resultBackend() {
        Jedis redis = new Jedis(settings.redisHost(), 6379);
        redis.select(celery.redisDb());
        return redis;
    }

    /**
     * Stops gunicorn and the worker (SIGTERM: both finish what they are doing), then deletes the queue and the
     * exchange of the same name that Celery declared for it, and flushes the result backend's database (if it was
     * empty at the start).
     */
    @Override
    public void close() throws IOException, InterruptedException {
        LocalProcesses.stop(gunicorn);
        LocalProcesses.stop(worker);
        RabbitCleanup.delete(settings.rabbitmqHost(), List.of(queue), List.of(queue));
        if (ownsRedisDb) {
            try (Jedis redis = resultBackend()) {
                redis.flushDB();
            }
        }
    }
}

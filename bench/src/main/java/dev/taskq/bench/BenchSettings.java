package dev.taskq.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from {@code bench.*} system properties (bench/pom.xml passes them to Gatling's
 * JVM; the {@code bench} profile sets the full shape, the default is the smoke run of {@code mvn verify}).
 *
 * @param target        the system under test: {@code taskq} (a taskq instance) or {@code celery} (the Celery
 *                      reference stack of bench/celery)
 * @param microJar      payara-micro.jar
 * @param rar           rabbitmq-ra.rar
 * @param war           taskq.war
 * @param preBoot       the asadmin pre-boot command file every taskq Payara Micro instance runs
 * @param postBoot      the asadmin post-boot command file every taskq Payara Micro instance runs
 * @param instanceJvmArgs JVM options of the Payara Micro process (space separated)
 * @param reportDir     where run-N.json and summary.{json,md} go
 * @param run           this run's number (1..n)
 * @param warmupTasks   tasks of the unreported warm-up burst (16 clients); 0 for none
 * @param burstTasks    tasks of each burst phase
 * @param burstClients  one burst phase per client count
 * @param batchTasks    tasks of the batch phase (one client posting JSON arrays of {@code batchSize}); 0 for none
 * @param batchSize     tasks per batch request (1..1 000, taskq's limit)
 * @param steadyRates   one steady phase per arrival rate (tasks/s)
 * @param steadySeconds how long each steady phase offers its rate
 * @param pollMs        first pause between two status reads of a task (doubled after each, up to 100 ms)
 * @param rabbitmqHost  the broker (the benchmark deletes its queue there afterwards)
 * @param redisHost     the store (the benchmark deletes its keys there afterwards)
 * @param celery        how the Celery reference stack runs (target {@code celery} only)
 */
public record BenchSettings(String target, Path microJar, Path rar, Path war, Path preBoot, Path postBoot,
        List<String> instanceJvmArgs,
        Path reportDir, int run, int warmupTasks, int burstTasks, List<Integer> burstClients,
        int batchTasks, int batchSize, List<Integer> steadyRates, int steadySeconds, int pollMs, String rabbitmqHost,
        String redisHost, Celery celery) {

    /** Seconds after its submission that a task counts as lost if it is still not terminal. */
    public static final int TASK_TIMEOUT_SECONDS = 60;

    /**
     * The Celery reference stack: gunicorn (sync workers) serving bench/celery/app.py, and a prefork Celery worker.
     *
     * @param dir             bench/celery (app.py, tasks.py)
     * @param python          the Python that has Debian's celery, flask, gunicorn and redis packages
     * @param gunicornWorkers gunicorn's {@code -w}; by default (2 × cores) + 1, gunicorn's documented rule
     * @param concurrency     the Celery worker's {@code --concurrency} (prefork processes)
     * @param redisDb         the Redis database of the result backend: must be empty, flushed afterwards
     */
    public record Celery(Path dir, String python, int gunicornWorkers, int concurrency, int redisDb) {
    }

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                System.getProperty("bench.target", "taskq"),
                path("bench.micro.jar"), path("bench.rar"), path("bench.war"), path("bench.preboot"),
                path("bench.postboot"),
                words(System.getProperty("bench.instance.jvm-args", "")),
                path("bench.report.dir"),
                Integer.getInteger("bench.run", 1),
                Integer.getInteger("bench.warmup.tasks", 0),
                Integer.getInteger("bench.burst.tasks", 50),
                numbers(System.getProperty("bench.burst.clients", "4")),
                number("bench.batch.tasks", 0),
                number("bench.batch.size", 1000),
                numbers(System.getProperty("bench.steady.rates", "")),
                Integer.getInteger("bench.steady.seconds", 2),
                Integer.getInteger("bench.poll.ms", 10),
                System.getProperty("bench.rabbitmq.host", "127.0.0.1"),
                System.getProperty("bench.redis.host", "127.0.0.1"),
                new Celery(path("bench.celery.dir"), System.getProperty("bench.celery.python", "/usr/bin/python3"),
                        number("bench.celery.gunicorn-workers", 2 * Runtime.getRuntime().availableProcessors() + 1),
                        number("bench.celery.concurrency", 4), number("bench.celery.redis-db", 3)));
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (see bench/pom.xml)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** Space-separated words (the quotes the Gatling plugin may add around a value with spaces removed). */
    private static List<String> words(String value) {
        return Arrays.stream(value.replace("\"", "").trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The property's whole number, or {@code otherwise} if it is not set or blank. */
    private static int number(String property, int otherwise) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static List<Integer> numbers(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(Integer::valueOf).toList();
    }
}

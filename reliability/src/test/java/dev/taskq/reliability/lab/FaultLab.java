package dev.taskq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The lab of one test run: a private RabbitMQ node, a private Redis server and one taskq instance (Payara Micro)
 * wired to them, with its own queue and key prefix. Started on first use, shared by the scenarios (which run one
 * after the other), stopped by {@link #shutDown()} at the end of the run — also on failure, and by a JVM shutdown
 * hook as a last resort.
 */
public final class FaultLab {
    private static final Logger LOG = Logger.getLogger(FaultLab.class.getName());
    /** The task queue and Redis key prefix of the lab's taskq instance. */
    public static final String QUEUE = "taskq.reliability";
    public static final String KEY_PREFIX = "taskq-reliability";
    /** Simulated work per task, as the issue asks (~20 ms). */
    public static final int WORK_DELAY_MS = 20;

    private static FaultLab lab;

    private final PrivateRabbitMq broker;
    private final PrivateRedis redis;
    private final TaskqProcess taskq;

    private FaultLab(Path work, Path deploy) {
        broker = new PrivateRabbitMq(work.resolve("rabbitmq"));
        redis = new PrivateRedis(work.resolve("redis"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("taskq.rabbitmq.port", Integer.toString(broker.port()));
        settings.put("taskq.redis.port", Integer.toString(redis.port()));
        settings.put("taskq.queue", QUEUE);
        settings.put("taskq.redis.key-prefix", KEY_PREFIX);
        settings.put("taskq.work.delay-ms", Integer.toString(WORK_DELAY_MS));
        settings.put("taskq.retry.delay-ms", "100");
        taskq = new TaskqProcess(deploy, work.resolve("taskq"), settings);
    }

    /** The lab, started (and taskq running) on first use. */
    public static synchronized FaultLab get() {
        if (lab == null) {
            Path work = Path.of(System.getProperty("taskq.reliability.work", "target/lab"));
            deleteRecursively(work); // a previous run's Redis data would count as this run's
            FaultLab started = new FaultLab(work,
                    Path.of(System.getProperty("taskq.reliability.deploy", "target/deploy")));
            Runtime.getRuntime().addShutdownHook(new Thread(FaultLab::shutDown, "fault-lab-shutdown"));
            lab = started;
            started.broker.start();
            started.redis.start();
            Duration took = started.taskq.start();
            LOG.info(() -> "fault lab up: RabbitMQ :" + started.broker.port() + ", Redis :" + started.redis.port()
                    + ", taskq " + started.taskq.http().base() + " (started in " + took.toSeconds() + " s)");
        }
        lab.ensureTaskqRunning();
        return lab;
    }

    /** Stops everything the lab started. Safe to call more than once. */
    public static synchronized void shutDown() {
        if (lab == null) {
            return;
        }
        FaultLab stopping = lab;
        lab = null;
        for (AutoCloseable part : new AutoCloseable[] {stopping.taskq, stopping.broker, stopping.redis}) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warning("could not stop " + part + ": " + e);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }

    private void ensureTaskqRunning() {
        if (!broker.answersAmqp()) {
            broker.start();
        }
        if (!redis.answers()) {
            redis.start();
        }
        if (!taskq.isRunning()) {
            taskq.start();
        }
    }

    public PrivateRabbitMq broker() {
        return broker;
    }

    public PrivateRedis redis() {
        return redis;
    }

    public TaskqProcess taskq() {
        return taskq;
    }

    /** Reads what Redis says about tasks of the lab's instance. */
    public Ledger ledger() {
        return new Ledger(redis::client, KEY_PREFIX);
    }

    /** Ready messages on the task queue. */
    public long queueDepth() {
        return broker.depth(QUEUE);
    }

    /** Ready messages on the dead-letter queue. */
    public long deadLetterDepth() {
        return broker.depth(QUEUE + ".dead");
    }
}

package dev.taskq.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.JedisPooled;

/**
 * The taskq.ear that the build deployed on Payara Server (settings from failsafe's system properties, see
 * ear/pom.xml), and what the tests read about its tasks.
 */
final class ServerUnderTest {
    static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);

    private ServerUnderTest() {
    }

    /** The application, e.g. {@code http://127.0.0.1:14880/}. */
    static URL url() {
        return toUrl(System.getProperty("taskq.it.url"));
    }

    /** The admin console and admin REST API, e.g. {@code http://127.0.0.1:14848/}. */
    static URI adminUrl() {
        return URI.create(System.getProperty("taskq.it.adminUrl"));
    }

    static String adminUser() {
        return System.getProperty("taskq.it.adminUser");
    }

    static String adminPassword() {
        return System.getProperty("taskq.it.adminPassword");
    }

    /** The instance name the server records in task histories ({@code taskq.instance.name}). */
    static String instanceName() {
        return System.getProperty("taskq.it.instance");
    }

    static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }

    /** Polls the task through the REST API until it is SUCCESS or FAILURE, and returns it. */
    static JsonObject awaitEnd(TaskqClient client, String id) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> client.task(id), t -> Set.of("SUCCESS", "FAILURE").contains(t.getString("state")));
    }

    /** The task's record as it is in Redis (the hash {@code <prefix>:task:<id>}). */
    static Map<String, String> redisRecord(String id) {
        try (JedisPooled redis = new JedisPooled(System.getProperty("taskq.it.redisHost"), 6379)) {
            return redis.hgetAll(System.getProperty("taskq.it.keyPrefix") + ":task:" + id);
        }
    }

    /**
     * The most tasks that ran at one instant: the largest number of [started_at, finished_at] intervals that hold
     * the start of one of them.
     */
    static long maxConcurrent(List<JsonObject> tasks) {
        return tasks.stream().map(ServerUnderTest::startedAt)
                .mapToLong(instant -> tasks.stream()
                        .filter(t -> !startedAt(t).isAfter(instant) && finishedAt(t).isAfter(instant)).count())
                .max().orElse(0);
    }

    private static Instant startedAt(JsonObject task) {
        return Instant.parse(task.getString("started_at"));
    }

    private static Instant finishedAt(JsonObject task) {
        return Instant.parse(task.getString("finished_at"));
    }
}

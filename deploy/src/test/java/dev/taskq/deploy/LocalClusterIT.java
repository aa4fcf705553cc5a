package dev.taskq.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskq.it.TaskqClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.JedisPooled;

/**
 * The compose topology as local processes (payara-config/local-cluster.sh up 2): the admin node (Payara Server,
 * taskq.ear), the web node and two workers (Payara Micro), all in the admin node's data grid, on their own queue
 * and Redis keys. One cluster for the whole class; the tests run in order, as an operator would go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    private static final Path REPO = Path.of(System.getProperty("taskq.repo")).toAbsolutePath().normalize();
    private static final Path SCRIPT = REPO.resolve("payara-config/local-cluster.sh");
    private static final Path STATE = Path.of(System.getProperty("taskq.it.clusterDir"));
    private static final int BASE = Integer.getInteger("taskq.it.portbase");
    private static final String PREFIX = System.getProperty("taskq.it.keyPrefix");
    private static final List<String> MICRO_NODES = List.of("web", "worker-1", "worker-2");
    private static final Duration TASKS_TIMEOUT = Duration.ofSeconds(90);

    private static final TaskqClient WEB = new TaskqClient(url("http://127.0.0.1:" + (BASE + 110) + "/"));
    private static final Thread TEAR_DOWN = new Thread(LocalClusterIT::down, "local-cluster-down");

    @BeforeAll
    static void up() {
        Runtime.getRuntime().addShutdownHook(TEAR_DOWN); // also when the test JVM is stopped
        cluster(Duration.ofMinutes(6), "up", "2");
    }

    @AfterAll
    static void tearDown() {
        down();
        Runtime.getRuntime().removeShutdownHook(TEAR_DOWN);
    }

    @Test
    @Order(1)
    void theAdminNodeListsEveryMicroInstanceAsAMemberOfItsDataGrid() {
        String members = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(LocalClusterIT::gridMembers, out -> MICRO_NODES.stream().allMatch(out::contains));
        System.out.println("asadmin list-hazelcast-cluster-members:\n" + members);
        assertThat(members).as("the Micro nodes run rabbitmq-ra and taskq").contains("rabbitmq-ra, taskq");
    }

    @Test
    @Order(2)
    void tasksSubmittedToTheWebNodeAreRunByBothWorkersAtMostFourAtATimeEach() {
        List<JsonObject> tasks = awaitSuccess(submit(24, "spread"));

        Map<String, List<JsonObject>> byWorker = byRunner(tasks);
        System.out.println("tasks per node: " + counts(byWorker));
        assertThat(byWorker).as("who ran the tasks (web and admin run none)").containsOnlyKeys("worker-1", "worker-2");
        byWorker.forEach((worker, run) ->
                assertThat(maxConcurrent(run)).as(worker + ": tasks at once").isBetween(1L, 4L));
        // what the dashboard shows: each instance's own count, from its heartbeats in Redis
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(processed("worker-1") + processed("worker-2")).isEqualTo(24);
            assertThat(processed("worker-1")).isEqualTo(byWorker.get("worker-1").size());
        });
        assertThat(registry("web")).containsEntry("processed", "0").containsEntry("pool_size", "0");
        assertThat(registry("worker-1")).containsEntry("pool_size", "4");
    }

    @Test
    @Order(3)
    void whenAWorkerIsStoppedItFinishesItsTasksInHandAndTheOtherTakesTheRest() {
        List<String> before = submit(48, "before the stop");
        // SIGTERM (as docker stop sends it) while worker-1 is running a task
        await().atMost(TASKS_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> before.stream().map(WEB::task)
                .anyMatch(t -> t.getString("state").equals("STARTED") && ran(t, "worker-1")));
        cluster(Duration.ofSeconds(90), "stop", "worker-1");
        List<String> after = submit(24, "after the stop");

        List<JsonObject> tasks = awaitSuccess(Stream.concat(before.stream(), after.stream()).toList());
        assertThat(tasks).allSatisfy(t -> assertThat(redis().hget(PREFIX + ":task:" + t.getString("task_id"), "commits"))
                .as("each task committed once").isEqualTo("1"));
        assertThat(byRunner(tasks.subList(before.size(), tasks.size()))).as("who ran the tasks submitted after the stop")
                .containsOnlyKeys("worker-2");
        assertThat(registry("worker-1")).as("worker-1 signed off").containsKey("stopped_at");
    }

    @Test
    @Order(4)
    void aStoppedWorkerThatComesBackRejoinsTheGridAndTheQueue() {
        cluster(Duration.ofMinutes(4), "start", "worker-1");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(LocalClusterIT::gridMembers, out -> out.contains("worker-1"));

        Map<String, List<JsonObject>> byWorker = byRunner(awaitSuccess(submit(24, "rejoin")));
        System.out.println("tasks per node after worker-1 came back: " + counts(byWorker));
        assertThat(byWorker).containsOnlyKeys("worker-1", "worker-2");
    }

    // ---- the user's side: submit, read back ----

    private static List<String> submit(int n, String label) {
        return IntStream.range(0, n)
                .mapToObj(i -> WEB.submit("{\"type\":\"reverse\",\"text\":\"" + label + " " + i + "\"}")).toList();
    }

    private static List<JsonObject> awaitSuccess(List<String> ids) {
        List<JsonObject> tasks = await().atMost(TASKS_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().map(WEB::task).toList(),
                        all -> all.stream().allMatch(t -> Set.of("SUCCESS", "FAILURE").contains(t.getString("state"))));
        assertThat(tasks).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("SUCCESS"));
        return tasks;
    }

    /** The instances that started the task (its history's STARTED steps). */
    private static List<String> runners(JsonObject task) {
        return task.getJsonArray("history").stream().map(e -> e.asJsonObject())
                .filter(e -> e.getString("state").equals("STARTED")).map(e -> e.getString("instance")).toList();
    }

    private static boolean ran(JsonObject task, String instance) {
        return runners(task).contains(instance);
    }

    /** Tasks by the instance that last started them. */
    private static Map<String, List<JsonObject>> byRunner(List<JsonObject> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(t -> runners(t).get(runners(t).size() - 1),
                TreeMap::new, Collectors.toList()));
    }

    private static Map<String, Integer> counts(Map<String, List<JsonObject>> byRunner) {
        return byRunner.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new));
    }

    /** The most tasks that ran at one instant: the largest number of [started, finished] intervals holding a start. */
    private static long maxConcurrent(List<JsonObject> tasks) {
        return tasks.stream().map(t -> Instant.parse(t.getString("started_at")))
                .mapToLong(instant -> tasks.stream().filter(t -> !Instant.parse(t.getString("started_at")).isAfter(instant)
                        && Instant.parse(t.getString("finished_at")).isAfter(instant)).count())
                .max().orElse(0);
    }

    // ---- the operator's side: Redis, asadmin, the script ----

    private static JedisPooled redis() {
        return Redis.CLIENT;
    }

    /** An instance's heartbeat hash in Redis ({@code <prefix>:worker:<name>}), as the dashboard reads it. */
    private static Map<String, String> registry(String instance) {
        return redis().hgetAll(PREFIX + ":worker:" + instance);
    }

    private static long processed(String instance) {
        return Long.parseLong(registry(instance).getOrDefault("processed", "0"));
    }

    private static String gridMembers() {
        return run(Duration.ofSeconds(60), REPO.resolve("target/payara-server/payara6/bin/asadmin").toString(),
                "--interactive=false", "--port", String.valueOf(BASE + 48), "--user", "admin",
                "--passwordfile", STATE.resolve("admin.passwordfile").toString(), "list-hazelcast-cluster-members");
    }

    private static void down() {
        try {
            cluster(Duration.ofMinutes(3), "down");
        } catch (RuntimeException e) {
            System.err.println("local-cluster.sh down: " + e.getMessage());
        }
    }

    private static String cluster(Duration timeout, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        String out = run(timeout, command);
        System.out.println(out);
        return out;
    }

    /** Runs a command with the cluster's settings in its environment; its output, or an exception if it fails. */
    private static String run(Duration timeout, String... command) {
        try {
            Path log = Files.createTempFile("local-cluster-command", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("TASKQ_CLUSTER_DIR", STATE.toString());
            env.put("TASKQ_CLUSTER_PORTBASE", String.valueOf(BASE));
            env.put("TASKQ_CLUSTER_NAME", System.getProperty("taskq.it.clusterName"));
            env.put("TASKQ_QUEUE", System.getProperty("taskq.it.queue"));
            env.put("TASKQ_REDIS_KEY_PREFIX", PREFIX);
            env.put("TASKQ_WORK_DELAY_MS", System.getProperty("taskq.it.workDelayMs"));
            env.put("TASKQ_ADMIN_PASSWORD", System.getProperty("taskq.it.adminPassword"));
            Process process = pb.start();
            boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            String out = Files.readString(log);
            Files.delete(log);
            if (!done || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + (done ? " failed" : " timed out") + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.net.URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }

    /** One Redis client for the class, made when first used. */
    private static final class Redis {
        static final JedisPooled CLIENT = new JedisPooled(System.getProperty("taskq.it.redisHost"), 6379);
    }
}

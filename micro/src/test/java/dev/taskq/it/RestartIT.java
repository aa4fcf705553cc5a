package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What survives and what recovers, with processes this test owns: its own redis-server (with an append-only file,
 * on a free port) and its own Payara Micro instances (started by the one launcher, as run.sh and a container start
 * them) on the shared RabbitMQ with their own queue. Readiness goes down while that Redis is stopped and up when it is back;
 * after the instance is replaced by a new one, the dashboard still lists the tasks with their whole history, and
 * shows the old instance offline. The new instance has no password hash configured: the operator logs in with the
 * password it printed.
 */
class RestartIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(40);
    private static final String QUEUE = "taskq.restart-it.tasks";

    private static Path work;
    private static int redisPort;
    private static Process redis;
    private static MicroInstances instances;
    private static MicroInstances.Instance current;

    @BeforeAll
    static void startRedis() throws IOException {
        work = Files.createTempDirectory("taskq-restart-it-");
        redisPort = freePort();
        redis = startRedisServer();
        instances = new MicroInstances("restart-it", QUEUE, "taskq-restart-it", "taskq.redis.port=" + redisPort,
                "taskq.work.delay-ms=100", "taskq.retry.delay-ms=100", "taskq.workers.heartbeat-seconds=1",
                "taskq.workers.offline-after-seconds=4");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (instances != null) {
            instances.close();
        }
        if (redis != null) {
            stop(redis);
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void readinessFollowsRedisAndTheDashboardKeepsItsHistoryAcrossARestartOfTheInstance() throws Exception {
        TaskqClient first = startInstance("restart-it-1");
        String done = first.submit("{\"type\":\"reverse\",\"text\":\"kept\"}");
        String failed = first.submit("{\"type\":\"email\",\"recipient\":\"fail@example.com\",\"subject\":\"kept\"}");
        awaitState(first, done, "SUCCESS");
        JsonObject failedBefore = awaitState(first, failed, "FAILURE");
        Operator operator = new Operator(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> worker(operator, "restart-it-1"),
                w -> w != null && w.getInt("processed") == 2 && w.getInt("failed") == 1 && w.getBoolean("online"));

        stop(redis);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/health/ready").status() == 503);
        assertThat(first.get("/health/ready").body()).contains("\"status\":\"DOWN\"", "\"rabbitmq\":\"UP\"");
        assertThat(first.get("/health/live").status()).as("alive all the same").isEqualTo(200);
        redis = startRedisServer();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.get("/health/ready").status() == 200);

        current.stop();
        // in the runtime directory the first one used, as a container that keeps it: that start's deployment must
        // not be deployed again and served while this start deploys its own (it answered 500 meanwhile)
        // and with no password hash configured: it prints a generated password, which is then the only one
        current = instances.startIn(current, "restart-it-2", "taskq.admin.password-hash=");
        TaskqClient second = current.client();
        assertThat(current.logText().split("Loading application \\[taskq\\]", -1)).as("taskq loaded once, "
                + "not first the earlier start's deployment; see " + current.log()).hasSize(2);
        Matcher printed = Pattern.compile("user 'admin', generated password: (\\S+)").matcher(current.logText());
        assertThat(printed.find()).as("a generated password in " + current.log()).isTrue();
        Operator operatorAfter = new Operator(second, Operator.USER, printed.group(1));
        assertThat(new Operator(second).get("api/admin/workers").status()).as("the first start's password")
                .isEqualTo(401);

        JsonObject page = operatorAfter.get("api/admin/tasks").json();
        assertThat(page.getJsonArray("tasks").getValuesAs(JsonObject.class)).extracting(t -> t.getString("task_id"))
                .containsExactly(failed, done);
        assertThat(page.getJsonObject("counts").getInt("SUCCESS")).isEqualTo(1);
        assertThat(page.getJsonObject("counts").getInt("FAILURE")).isEqualTo(1);
        JsonObject failedAfter = page.getJsonArray("tasks").getJsonObject(0);
        assertThat(failedAfter.getJsonArray("history")).as("the whole history")
                .isEqualTo(failedBefore.getJsonArray("history")).hasSize(9);

        JsonObject old = await().atMost(Duration.ofSeconds(20)).until(() -> worker(operatorAfter, "restart-it-1"),
                w -> w != null && !w.getBoolean("online"));
        assertThat(old.getInt("processed")).isEqualTo(2);
        assertThat(old.getInt("failed")).isEqualTo(1);
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> worker(operatorAfter, "restart-it-2"),
                w -> w != null).getBoolean("online")).isTrue();

        assertThat(operatorAfter.post("api/admin/tasks/" + failed + "/requeue").status()).isEqualTo(202);
        JsonObject rerun = awaitState(second, failed, "FAILURE");
        assertThat(rerun.getJsonArray("history")).hasSize(18);
        assertThat(rerun.getJsonArray("history").getValuesAs(JsonObject.class).subList(9, 18))
                .extracting(e -> e.getString("instance")).containsOnly("restart-it-2");
    }

    private static JsonObject worker(Operator operator, String name) {
        return operator.get("api/admin/workers").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("name").equals(name)).findFirst().orElse(null);
    }

    private static JsonObject awaitState(TaskqClient client, String id, String state) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> client.task(id), t -> t.getString("state").equals(state));
    }

    /** Starts a Payara Micro instance named {@code name} and waits until it is ready. */
    private static TaskqClient startInstance(String name) {
        current = instances.start(name);
        return current.client();
    }

    private static Process startRedisServer() throws IOException {
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort),
                "--bind", "127.0.0.1", "--dir", work.toString(), "--save", "", "--appendonly", "yes",
                "--appendfsync", "always")
                .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (var socket = new java.net.Socket("127.0.0.1", redisPort)) {
                return true;
            }
        });
        return process;
    }

    /** Stops a process the way an operator would (SIGTERM), and waits for it. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

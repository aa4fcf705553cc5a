package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Payara Micro node (rabbitmq-ra.rar + taskq.war, as ./run.sh starts it) and the Payara Server node (taskq.ear)
 * with the same settings serve the same queue and Redis at the same time: both do work, and every task is run
 * and committed exactly once between them.
 */
class SideBySideIT {
    private static final String MICRO_NAME = "micro-side-by-side-it";
    private static final Duration MICRO_START_TIMEOUT = Duration.ofSeconds(180);
    private static final int TASKS = 40;

    private static Process micro;
    private static Path microLog;
    private static TaskqClient microClient;
    private final TaskqClient serverClient = new TaskqClient(ServerUnderTest.url());

    @BeforeAll
    static void startPayaraMicroOnTheSameQueue() throws IOException {
        int port = freePort();
        microLog = Path.of("target", "side-by-side-micro.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("taskq.it.micro.jvmOptions").trim().split("\\s+")));
        command.addAll(List.of("-Dtaskq.instance.name=" + MICRO_NAME,
                "-jar", System.getProperty("taskq.it.micro.jar"), "--nocluster", "--port", String.valueOf(port),
                "--postbootcommandfile", System.getProperty("taskq.it.micro.postboot"),
                "--deploy", System.getProperty("taskq.it.micro.rar"),
                "--deploy", System.getProperty("taskq.it.micro.war") + ":/"));
        micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(microLog.toFile()).start();
        microClient = new TaskqClient(ServerUnderTest.toUrl("http://127.0.0.1:" + port + "/"));

        await().atMost(MICRO_START_TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .failFast("Payara Micro exited; see " + microLog.toAbsolutePath(), () -> !micro.isAlive())
                .until(() -> microClient.get("api/tasks/00000000-0000-0000-0000-000000000000").contentType(),
                        type -> type.startsWith("application/problem+json")); // taskq's 404, not the server's
    }

    @AfterAll
    static void stopPayaraMicro() throws InterruptedException {
        if (micro != null) {
            micro.destroy();
            if (!micro.waitFor(60, TimeUnit.SECONDS)) {
                micro.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void microAndServerNodesShareTheQueueAndRunEveryTaskExactlyOnce() {
        List<String> ids = IntStream.range(0, TASKS)
                .mapToObj(i -> (i % 2 == 0 ? serverClient : microClient)
                        .submit("{\"type\":\"reverse\",\"text\":\"side by side " + i + "\"}"))
                .toList();

        List<JsonObject> tasks = ids.stream().map(id -> ServerUnderTest.awaitEnd(serverClient, id)).toList();

        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getString("state")).isEqualTo("SUCCESS");
            assertThat(task.getInt("attempts")).isEqualTo(1);
            assertThat(steps(task, "STARTED")).hasSize(1);
            assertThat(steps(task, "SUCCESS")).hasSize(1);
            assertThat(ServerUnderTest.redisRecord(task.getString("task_id"))).containsEntry("commits", "1");
        });
        Map<String, List<JsonObject>> byRunner = tasks.stream()
                .collect(Collectors.groupingBy(task -> steps(task, "STARTED").get(0), TreeMap::new,
                        Collectors.toList()));
        System.out.println("tasks run per node: " + byRunner.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size()).collect(Collectors.joining(", ")));
        assertThat(byRunner).containsOnlyKeys(ServerUnderTest.instanceName(), MICRO_NAME);
        assertThat(byRunner.values()).allSatisfy(
                run -> assertThat(ServerUnderTest.maxConcurrent(run)).as("tasks at once on one node").isBetween(1L, 4L));
    }

    /** The instances that made the task's steps into this state. */
    private static List<String> steps(JsonObject task, String state) {
        return task.getJsonArray("history").stream().map(e -> e.asJsonObject())
                .filter(e -> e.getString("state").equals(state)).map(e -> e.getString("instance")).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.taskq.it;

import static dev.taskq.it.ServerUnderTest.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The task pipeline through taskq.ear on Payara Server, as a user of the REST API sees it: every kind of task
 * runs, a failing one is retried by MicroProfile Fault Tolerance, a delayed one waits and runs when due, and the MDB
 * pool runs at most four at a time.
 */
class EarTaskPipelineIT {
    private final TaskqClient client = new TaskqClient(ServerUnderTest.url());

    @Test
    void everyKindOfTaskSucceedsOnTheServer() {
        JsonObject reverse = runToEnd("{\"type\":\"reverse\",\"text\":\"héllo 👍 wörld\"}");
        JsonObject positive = runToEnd("{\"type\":\"sentiment\",\"text\":\"A really GOOD day\"}");
        JsonObject negative = runToEnd("{\"type\":\"sentiment\",\"text\":\"a bad day\"}");
        JsonObject email = runToEnd(
                "{\"type\":\"email\",\"recipient\":\"ada@example.com\",\"subject\":\"Hi\",\"body\":\"Hello\"}");

        assertThat(List.of(reverse, positive, negative, email))
                .allSatisfy(task -> {
                    assertThat(task.getString("state")).isEqualTo("SUCCESS");
                    assertThat(task.getInt("attempts")).isEqualTo(1);
                    assertThat(task.get("error")).isEqualTo(JsonValue.NULL);
                    assertThat(instances(task)).containsOnly(ServerUnderTest.instanceName());
                });
        assertThat(reverse.getString("result")).isEqualTo("dlröw 👍 olléh");
        assertThat(positive.getString("result")).isEqualTo("positive");
        assertThat(negative.getString("result")).isEqualTo("negative");
        assertThat(email.getString("result")).contains("ada@example.com");
    }

    @Test
    void emailToAFailingRecipientIsTriedFourTimesBecauseFaultToleranceIsOnInTheEar() {
        double retriesBefore = client.metric("ft_retry_retries_total", "TaskAttempts.run");
        JsonObject task = runToEnd(
                "{\"type\":\"email\",\"recipient\":\"fail@example.com\",\"subject\":\"Hi\",\"body\":\"x\"}");

        assertThat(task.getString("state")).isEqualTo("FAILURE");
        assertThat(task.getInt("attempts")).isEqualTo(4);
        assertThat(task.getString("error")).contains("fail@example.com");
        assertThat(task.getJsonArray("history").stream().map(e -> e.asJsonObject().getString("state")).toList())
                .containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED",
                        "FAILURE");
        assertThat(client.metric("ft_retry_retries_total", "TaskAttempts.run")).as("@Retry's own metric")
                .isGreaterThanOrEqualTo(retriesBefore + 3);
        assertThat(client.metric("ft_invocations_total", "FaultToleranceInterceptor"))
                .as("Fault Tolerance does not intercept its own interceptor (FaultToleranceInterceptorFix)").isZero();
    }

    @Test
    void aDelayedTaskWaitsScheduledOnTheServerAndRunsWhenDue() {
        JsonObject accepted = client.postJson("api/tasks", "{\"type\":\"reverse\",\"text\":\"later\",\"delay\":2}")
                .json();
        assertThat(accepted.getString("state")).isEqualTo("SCHEDULED");
        Instant due = Instant.parse(accepted.getString("run_at"));

        JsonObject task = awaitEnd(client, accepted.getString("task_id"));
        assertThat(task.getString("state")).isEqualTo("SUCCESS");
        assertThat(task.getString("result")).isEqualTo("retal");
        List<JsonObject> history = task.getJsonArray("history").getValuesAs(JsonObject.class);
        assertThat(history).extracting(e -> e.getString("state"))
                .containsExactly("SCHEDULED", "PENDING", "STARTED", "SUCCESS");
        assertThat(Instant.parse(history.get(1).getString("at"))).as("queued when due").isAfterOrEqualTo(due);
    }

    @Test
    void twentyTasksAtOnceRunFourAtATimeAndNeverMore() throws Exception {
        List<String> ids;
        ExecutorService submitters = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> submitted = IntStream.range(0, 20)
                    .mapToObj(i -> submitters.submit(
                            () -> client.submit("{\"type\":\"reverse\",\"text\":\"task " + i + "\"}")))
                    .toList();
            ids = submitted.stream().map(EarTaskPipelineIT::get).toList();
        } finally {
            submitters.shutdown();
        }

        List<JsonObject> tasks = ids.stream().map(id -> awaitEnd(client, id)).toList();

        assertThat(tasks).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("SUCCESS"));
        long concurrency = ServerUnderTest.maxConcurrent(tasks);
        System.out.println("most tasks running at once on the server, of 20: " + concurrency);
        assertThat(concurrency).isEqualTo(4);
    }

    private JsonObject runToEnd(String json) {
        return awaitEnd(client, client.submit(json));
    }

    private static List<String> instances(JsonObject task) {
        return task.getJsonArray("history").stream().map(e -> e.asJsonObject().getString("instance"))
                .distinct().toList();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

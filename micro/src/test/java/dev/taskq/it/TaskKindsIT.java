package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/**
 * Task kinds written as a team writes them (dev.taskq.it.kinds, deployed in a jar of their own), run on the real
 * Payara Micro, RabbitMQ and Redis: their progress and logs through the API, their own retry policy (overridden by
 * configuration), their time limit — also for a handler that ignores its interruption — and an operator revoking one
 * while it runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskKindsIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static WebArchive taskq() {
        return DeployedTaskq.war();
    }

    @ArquillianResource
    URL base;

    TaskqClient client;

    @BeforeEach
    void connect() {
        client = new TaskqClient(base);
    }

    @Test
    void aRunningTaskShowsItsProgressAndKeepsItsLogLines() {
        String id = client.submit("{\"type\":\"it-count\",\"label\":\"sheep\",\"steps\":6,\"stepMs\":400}");

        JsonObject running = await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> client.task(id), t -> t.getString("state").equals("STARTED")
                        && !t.isNull("progress") && t.getInt("progress") > 0 && t.getInt("progress") < 100);
        assertThat(running.getString("progress_message")).matches("step [1-5] of 6");

        JsonObject done = awaitState(id, "SUCCESS");
        assertThat(done.getString("result")).isEqualTo("counted 6 sheep");
        assertThat(done.getInt("progress")).isEqualTo(100);
        assertThat(done.getString("progress_message")).isEqualTo("step 6 of 6");
        assertThat(logs(id)).containsExactly("sheep 1", "sheep 2", "sheep 3", "sheep 4", "sheep 5", "sheep 6");
    }

    @Test
    void aKindConfiguredForOneRetryMakesTwoAttemptsAndTheSeedEmailStillFour() {
        String flaky = client.submit("{\"type\":\"it-flaky\",\"reason\":\"testing\"}");
        String email = client.submit("{\"type\":\"email\",\"recipient\":\"will.fail@example.com\",\"subject\":\"s\"}");

        JsonObject failed = awaitState(flaky, "FAILURE");
        assertThat(failed.getInt("attempts")).isEqualTo(2);
        assertThat(failed.getString("error")).isEqualTo("failed on purpose: testing (attempt 2)");
        assertThat(states(failed)).containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "FAILURE");
        assertThat(awaitState(email, "FAILURE").getInt("attempts")).isEqualTo(4);
    }

    @Test
    void anAttemptPastItsTimeLimitFailsAndIsRetried() {
        String id = client.submit("{\"type\":\"it-sleepy\",\"workMs\":8000,\"ignoreInterrupts\":false}");
        long start = System.nanoTime();

        JsonObject failed = awaitState(id, "FAILURE");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failed.getInt("attempts")).isEqualTo(2);
        assertThat(failed.getString("error")).isEqualTo("time limit exceeded (PT1S)");
        assertThat(states(failed)).containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "FAILURE");
        assertThat(took).as("two attempts of 1 s, not of 8 s").isLessThan(Duration.ofSeconds(7));
        assertThat(client.metric("taskq_tasks_timed_out_total", "kind=\"it-sleepy\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void handlersThatIgnoreTheirInterruptionDoNotKeepTheWorkersSlots() {
        double abandonedBefore = client.metric("taskq_handler_threads_abandoned_total", "kind=\"it-sleepy\"");
        List<String> stubborn = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // each would hold a worker for 30 s; the pool has 4
            stubborn.add(client.submit("{\"type\":\"it-sleepy\",\"workMs\":30000,\"ignoreInterrupts\":true}"));
        }
        await().atMost(TASK_TIMEOUT).until(() -> stubborn.stream().allMatch(
                id -> !client.task(id).getString("state").equals("PENDING")));
        String quick = client.submit("{\"type\":\"reverse\",\"text\":\"abc\"}");

        for (String id : stubborn) {
            JsonObject failed = awaitState(id, "FAILURE");
            assertThat(failed.getString("error")).isEqualTo("time limit exceeded (PT1S)");
            assertThat(failed.getInt("attempts")).isEqualTo(2);
        }
        assertThat(awaitState(quick, "SUCCESS").getString("result"))
                .as("the workers were free again long before the stubborn handlers' 30 s").isEqualTo("cba");
        assertThat(client.metric("taskq_handler_threads_abandoned_total", "kind=\"it-sleepy\"") - abandonedBefore)
                .as("each attempt's thread was left behind").isEqualTo(8);
    }

    @Test
    void revokingARunningTaskInterruptsItsHandlerAndCommitsNothing() {
        String id = client.submit("{\"type\":\"it-count\",\"label\":\"step\",\"steps\":50,\"stepMs\":200}");
        await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> client.task(id),
                t -> t.getString("state").equals("STARTED") && !t.isNull("progress"));

        Operator operator = new Operator(client);
        TaskqClient.Answer answer = operator.post("api/admin/tasks/" + id + "/cancel");
        assertThat(answer.status()).isEqualTo(200);

        JsonObject revoked = awaitState(id, "REVOKED");
        await().atMost(Duration.ofSeconds(5)).until(() -> logs(id).contains("saw cancelled"));
        assertThat(logs(id)).hasSizeLessThan(50);
        assertThat(revoked.isNull("result")).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> client.task(id).getString("state").equals("REVOKED"));
        try (TaskHashes redis = new TaskHashes()) {
            assertThat(redis.field(id, "commits")).as("no outcome was committed by the worker").isEqualTo("0");
        }
        assertThat(operator.post("api/admin/tasks/" + id + "/cancel").status())
                .as("a finished task cannot be revoked again").isEqualTo(409);
    }

    @Test
    void anUnknownKindIsRefusedListingTheKindsAndBadFieldsWithTheirErrors() {
        JsonObject unknown = client.postJson("api/tasks", "{\"type\":\"fly\"}").json();
        assertThat(unknown.getInt("status")).isEqualTo(400);
        assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be one of: digest, email, it-count, it-flaky, it-sleepy, it-slow, reverse, sentiment");

        TaskqClient.Answer wrongType = client.postJson("api/tasks",
                "{\"type\":\"it-count\",\"label\":\"x\",\"steps\":\"many\",\"stepMs\":1}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("steps");
        assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be a whole number");

        TaskqClient.Answer broken = client.postJson("api/tasks",
                "{\"type\":\"it-count\",\"label\":\" \",\"steps\":0,\"stepMs\":\"10\"}");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field") + ": " + e.getString("message"))
                .containsExactly("label: must not be blank", "steps: must be greater than or equal to 1");
    }

    @Test
    void theExampleKindRunsFromItsOwnJarOnItsOwnQueue() {
        String id = client.submit("{\"type\":\"digest\",\"text\":\"abc\",\"algorithm\":\"SHA_256\",\"rounds\":1}");
        JsonObject done = awaitState(id, "SUCCESS");
        assertThat(done.getString("result"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(logs(id)).first().isEqualTo("hashing 3 characters 1 times with SHA_256");
        JsonObject refused = client.postJson("api/tasks",
                "{\"type\":\"digest\",\"text\":\"abc\",\"algorithm\":\"MD4\",\"rounds\":1}").json();
        assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be one of: SHA_256, SHA_512, SHA3_256");
    }

    @Test
    void theOpenApiDocumentHasASchemaPerKind() {
        String openapi = client.send(HttpRequest.newBuilder(client.uri("/openapi")).GET()).body();
        assertThat(openapi).contains("Task_it-count:", "Task_email:", "Task_reverse:", "Task_sentiment:");
        int count = openapi.indexOf("Task_it-count:");
        assertThat(openapi.substring(count, count + 1200)).contains("steps:", "minimum: 1", "maximum: 50",
                "maxLength: 40", "- label");
    }

    private List<String> logs(String id) {
        return client.get("api/tasks/" + id + "/logs").jsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static List<String> states(JsonObject task) {
        return task.getJsonArray("history").getValuesAs(JsonObject.class).stream().map(e -> e.getString("state"))
                .toList();
    }

    private JsonObject awaitState(String id, String state) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> client.task(id), t -> t.getString("state").equals(state));
    }

    /** The test instance's task hashes in the real Redis. */
    private static final class TaskHashes implements AutoCloseable {
        private final JedisPooled redis = new JedisPooled("127.0.0.1", 6379);

        String field(String id, String field) {
            return redis.hget(System.getProperty("taskq.it.keyPrefix") + ":task:" + id, field);
        }

        @Override
        public void close() {
            redis.close();
        }
    }
}

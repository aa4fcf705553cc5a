package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task pipeline as a user of the REST API sees it, on the real Payara Micro (rabbitmq-ra.rar + taskq.war)
 * with the real RabbitMQ and Redis: submit, watch the state, read the result.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskPipelineIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);

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
    void reverseTaskReturnsTheTextReversedByCodePoint() {
        JsonObject task = runToEnd("{\"type\":\"reverse\",\"text\":\"héllo 👍 wörld\"}");

        assertThat(task.getString("state")).isEqualTo("SUCCESS");
        assertThat(task.getString("result")).isEqualTo("dlröw 👍 olléh");
        assertThat(task.getString("type")).isEqualTo("reverse");
        assertThat(task.getInt("attempts")).isEqualTo(1);
        assertThat(Instant.parse(task.getString("finished_at")))
                .isAfterOrEqualTo(Instant.parse(task.getString("started_at")));
    }

    @Test
    void sentimentTaskIsPositiveOnlyWhenTheTextSaysGood() {
        assertThat(runToEnd("{\"type\":\"sentiment\",\"text\":\"A really GOOD day\"}").getString("result"))
                .isEqualTo("positive");
        assertThat(runToEnd("{\"type\":\"sentiment\",\"text\":\"a bad day\"}").getString("result"))
                .isEqualTo("negative");
    }

    @Test
    void emailTaskIsSentToItsRecipient() {
        JsonObject task = runToEnd(
                "{\"type\":\"email\",\"recipient\":\"ada@example.com\",\"subject\":\"Hi\",\"body\":\"Hello\"}");

        assertThat(task.getString("state")).isEqualTo("SUCCESS");
        assertThat(task.getString("result")).contains("ada@example.com");
        assertThat(task.get("error")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void emailToAFailingRecipientIsRetriedThreeTimesThenFails() {
        String id = client.submit(
                "{\"type\":\"email\",\"recipient\":\"fail@example.com\",\"subject\":\"Hi\",\"body\":\"x\"}");

        Set<String> statesSeen = new LinkedHashSet<>();
        await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(25)).until(() -> {
            String state = client.task(id).getString("state");
            statesSeen.add(state);
            return state.equals("FAILURE");
        });

        JsonObject task = client.task(id);
        assertThat(statesSeen).contains("RETRY", "FAILURE");
        assertThat(task.getInt("attempts")).isEqualTo(4);
        assertThat(task.getString("error")).contains("fail@example.com");
        assertThat(task.get("result")).isEqualTo(JsonValue.NULL);
        List<String> history = task.getJsonArray("history").stream()
                .map(e -> e.asJsonObject().getString("state")).toList();
        assertThat(history).containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED", "RETRY",
                "STARTED", "FAILURE");
    }

    @Test
    void twentyTasksAtOnceRunAtMostFourAtATimeAndDoReachFour() throws Exception {
        List<String> ids = new ArrayList<>();
        ExecutorService submitters = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> submitted = IntStream.range(0, 20)
                    .mapToObj(i -> submitters.submit(
                            () -> client.submit("{\"type\":\"reverse\",\"text\":\"task " + i + "\"}")))
                    .toList();
            for (Future<String> f : submitted) {
                ids.add(f.get());
            }
        } finally {
            submitters.shutdown();
        }

        List<JsonObject> tasks = ids.stream().map(this::awaitEnd).toList();

        assertThat(tasks).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("SUCCESS"));
        int maxConcurrency = maxOverlap(tasks);
        System.out.println("max observed concurrency of 20 tasks: " + maxConcurrency);
        assertThat(maxConcurrency).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsEnqueued() {
        double submittedBefore = client.metric("taskq_tasks_submitted_total");
        long keysBefore = DeployedTaskq.taskRecordCount();
        String tooLong = "x".repeat(10_001);
        Map<String, String> badBodies = Map.ofEntries(
                Map.entry("{\"type\":\"reverse\",\"text\":", "type"),
                Map.entry("not json at all", "type"),
                Map.entry("[1,2,3]", "type"),
                Map.entry("[]", "type"),
                Map.entry("[" + "{\"type\":\"reverse\",\"text\":\"x\"},".repeat(1000)
                        + "{\"type\":\"reverse\",\"text\":\"x\"}]", "type"),
                Map.entry("[{\"type\":\"reverse\",\"text\":\"fine\"},{\"type\":\"reverse\",\"text\":\" \"}]",
                        "[1].text"),
                Map.entry("[{\"type\":\"reverse\",\"text\":\"fine\"},[{\"type\":\"reverse\"}]]", "type"),
                Map.entry("{}", "type"),
                Map.entry("{\"type\":\"fly\",\"text\":\"x\"}", "type"),
                Map.entry("{\"type\":\"reverse\"}", "text"),
                Map.entry("{\"type\":\"reverse\",\"text\":\"   \"}", "text"),
                Map.entry("{\"type\":\"sentiment\",\"text\":\"" + tooLong + "\"}", "text"),
                Map.entry("{\"type\":\"email\",\"recipient\":\"not-an-address\",\"subject\":\"s\"}", "recipient"),
                Map.entry("{\"type\":\"email\",\"subject\":\"s\"}", "recipient"),
                Map.entry("{\"type\":\"email\",\"recipient\":\"a@example.com\"}", "subject"),
                Map.entry("{\"type\":\"reverse\",\"text\":{\"nested\":true}}", "type"));

        SoftAssertions softly = new SoftAssertions();
        badBodies.forEach((body, field) -> {
            TaskqClient.Answer answer = client.postJson("api/tasks", body);
            String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            softly.assertThat(answer.status()).as("status for %s", shown).isEqualTo(400);
            softly.assertThat(answer.contentType()).as("type for %s", shown).startsWith("application/problem+json");
            JsonObject problem = answer.json();
            softly.assertThat(problem.getInt("status")).as("problem status for %s", shown).isEqualTo(400);
            softly.assertThat(problem.getString("title")).as("title for %s", shown).isNotBlank();
            if (problem.containsKey("errors")) {
                softly.assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                        .as("field named for %s", shown).isEqualTo(field);
            }
        });
        softly.assertThat(problemOf(client.postJson("api/tasks", "{\"type\":\"fly\"}")).getString("detail"))
                .contains("email", "reverse", "sentiment");
        TaskqClient.Answer oversized = client.postJson("api/tasks",
                "{\"type\":\"reverse\",\"text\":\"" + "y".repeat(300_000) + "\"}");
        softly.assertThat(oversized.status()).as("oversized body").isEqualTo(413);
        softly.assertThat(oversized.contentType()).startsWith("application/problem+json");
        TaskqClient.Answer wrongType = client.post("api/tasks", "text/plain", "reverse this");
        softly.assertThat(wrongType.status()).as("text/plain body").isEqualTo(415);
        softly.assertThat(wrongType.contentType()).startsWith("application/problem+json");
        softly.assertAll();

        assertThat(client.metric("taskq_tasks_submitted_total")).as("tasks enqueued").isEqualTo(submittedBefore);
        assertThat(DeployedTaskq.taskRecordCount()).as("task records in Redis").isEqualTo(keysBefore);
    }

    @Test
    void unknownOrMalformedTaskIdIsA404Problem() {
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "not-a-task-id")) {
            TaskqClient.Answer answer = client.get("api/tasks/" + id);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().getInt("status")).isEqualTo(404);
        }
    }

    @Test
    void acceptedTaskAnswers202WithItsIdAndWhereToFollowIt() {
        TaskqClient.Answer answer = client.postJson("api/tasks", "{\"type\":\"reverse\",\"text\":\"abc\"}");

        assertThat(answer.status()).isEqualTo(202);
        String id = answer.json().getString("task_id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(answer.json().getString("state")).isEqualTo("PENDING");
        assertThat(answer.location()).endsWith("/api/tasks/" + id);
        assertThat(awaitEnd(id).getString("result")).isEqualTo("cba");
    }

    @Test
    void aBatchIsAcceptedWithOneIdPerTaskInItsOrderAndEveryTaskRuns() {
        TaskqClient.Answer answer = client.postJson("api/tasks", "[{\"type\":\"reverse\",\"text\":\"abc\"},"
                + "{\"type\":\"sentiment\",\"text\":\"a good day\"},{\"type\":\"reverse\",\"text\":\"xyz\"},"
                + "{\"type\":\"email\",\"recipient\":\"ada@example.com\",\"subject\":\"Hi\",\"body\":\"\"}]");

        assertThat(answer.status()).isEqualTo(202);
        List<JsonObject> accepted = answer.jsonArray().getValuesAs(JsonObject.class);
        assertThat(accepted).hasSize(4).allSatisfy(a -> assertThat(a.getString("state")).isEqualTo("PENDING"));
        List<String> ids = accepted.stream().map(a -> a.getString("task_id")).toList();
        assertThat(Set.copyOf(ids)).as("one id per task").hasSize(4);
        List<JsonObject> done = ids.stream().map(this::awaitEnd).toList();
        assertThat(done).extracting(t -> t.getString("type")).containsExactly("reverse", "sentiment", "reverse",
                "email");
        assertThat(done.get(0).getString("result")).isEqualTo("cba");
        assertThat(done.get(1).getString("result")).isEqualTo("positive");
        assertThat(done.get(2).getString("result")).isEqualTo("zyx");
        assertThat(done.get(3).getString("state")).isEqualTo("SUCCESS");
    }

    @Test
    void originalAppEndpointsAnswerInTheOriginalShape() {
        TaskqClient.Answer submitted = client.postJson("submit", "{\"form_type\":\"reverse\",\"text\":\"seed\"}");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().keySet()).containsExactly("task_id");
        String id = submitted.json().getString("task_id");

        await().atMost(TASK_TIMEOUT).until(() -> client.get("check_status/" + id).json().getString("state"),
                "SUCCESS"::equals);
        JsonObject status = client.get("check_status/" + id).json();
        assertThat(status.keySet()).containsExactlyInAnyOrder("task_id", "state", "result");
        assertThat(status.getString("task_id")).isEqualTo(id);
        assertThat(status.getString("result")).isEqualTo("dees");

        TaskqClient.Answer pending = client.get(
                "check_status/" + client.submit("{\"type\":\"sentiment\",\"text\":\"good\"}"));
        assertThat(pending.json().keySet()).containsExactlyInAnyOrder("task_id", "state", "result");
        assertThat(client.postJson("submit", "{\"form_type\":\"nope\"}").status()).isEqualTo(400);
    }

    @Test
    void readyWhenRabbitMqAndRedisAnswer() {
        TaskqClient.Answer ready = client.get("/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        JsonObject check = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("taskq-backing-services")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("rabbitmq")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("redis")).isEqualTo("UP");
    }

    @Test
    void aQueueMessageThatIsNotATaskIsSetAsideOnTheDeadLetterQueueWithItsReason() throws Exception {
        double deadBefore = client.metric("taskq_messages_dead_lettered_total");
        String queue = System.getProperty("taskq.it.queue");
        String garbage = "not a task " + UUID.randomUUID();

        // a plain AMQP message, as any AMQP client (and taskq itself) sends one
        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setKeepTextMessageType(true);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(amqpQueue(session, queue)).send(session.createTextMessage(garbage));

            connection.start();
            MessageConsumer deadLetters = session.createConsumer(amqpQueue(session, queue + ".dead"));
            Message dead = null;
            for (long end = System.nanoTime() + TASK_TIMEOUT.toNanos(); System.nanoTime() < end; ) {
                Message m = deadLetters.receive(1000);
                if (m instanceof TextMessage text && text.getText().equals(garbage)) {
                    dead = m;
                    break;
                }
            }
            assertThat(dead).as("the message on the dead-letter queue").isNotNull();
            assertThat(dead.getStringProperty("taskq_dead_letter_reason")).contains("not a task message");
        }
        assertThat(client.metric("taskq_messages_dead_lettered_total")).isEqualTo(deadBefore + 1);
    }

    /** The queue declared the way rabbitmq-jms declares a JMS queue, addressed as a plain AMQP queue, as taskq does. */
    private static RMQDestination amqpQueue(Session session, String queue) throws JMSException {
        session.createQueue(queue);
        return new RMQDestination(queue, "", queue, queue);
    }

    private JsonObject runToEnd(String json) {
        return awaitEnd(client.submit(json));
    }

    private JsonObject awaitEnd(String id) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> client.task(id), t -> Set.of("SUCCESS", "FAILURE").contains(t.getString("state")));
    }

    private static JsonObject problemOf(TaskqClient.Answer answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json();
    }

    /** The most tasks whose [started_at, finished_at] intervals overlap at one instant. */
    private static int maxOverlap(List<JsonObject> tasks) {
        record Edge(Instant at, int delta) {
        }
        List<Edge> edges = new ArrayList<>();
        for (JsonObject t : tasks) {
            edges.add(new Edge(Instant.parse(t.getString("started_at")), +1));
            edges.add(new Edge(Instant.parse(t.getString("finished_at")), -1));
        }
        edges.sort((a, b) -> a.at().equals(b.at()) ? Integer.compare(a.delta(), b.delta()) : a.at().compareTo(b.at()));
        int running = 0;
        int max = 0;
        for (Edge e : edges) {
            running += e.delta();
            max = Math.max(max, running);
        }
        return max;
    }
}

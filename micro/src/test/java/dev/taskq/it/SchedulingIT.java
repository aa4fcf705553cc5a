package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskq.it.TaskqClient.Answer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delayed tasks and recurring schedules through the API, on the real Payara Micro with the real RabbitMQ and
 * Redis: a task submitted with a delay waits SCHEDULED and runs at its due time, not before and at most a second
 * after; a revoked one never runs; wrong due times are 400 problems naming the field. A schedule is created,
 * fires, is paused (no fires), resumed, triggered and deleted; a bad cron is a 400 problem naming the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulingIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static WebArchive taskq() {
        return DeployedTaskq.war();
    }

    @ArquillianResource
    URL base;

    private TaskqClient client;
    private Operator operator;

    @BeforeEach
    void connect() {
        client = new TaskqClient(Browser.openable(base));
        operator = new Operator(client);
    }

    @Test
    void aDelayedTaskWaitsScheduledAndRunsAtItsDueTimeNotBeforeAndWithinASecond() {
        Answer accepted = client.postJson("api/tasks", "{\"type\":\"reverse\",\"text\":\"later\",\"delay\":\"PT3S\"}");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().getString("state")).isEqualTo("SCHEDULED");
        Instant due = Instant.parse(accepted.json().getString("run_at"));
        String id = accepted.json().getString("task_id");

        JsonObject waiting = client.task(id);
        assertThat(waiting.getString("state")).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(waiting.getString("run_at"))).isEqualTo(due);

        JsonObject done = awaitState(id, "SUCCESS");
        assertThat(done.getString("result")).isEqualTo("retal");
        Instant started = stepAt(done, "STARTED");
        System.out.printf("delayed task %s: due %s, started %s (%d ms after)%n", id, due, started,
                Duration.between(due, started).toMillis());
        assertThat(started).isAfterOrEqualTo(due).isBefore(due.plusSeconds(1));
        assertThat(stepAt(done, "PENDING")).as("queued when due").isAfterOrEqualTo(due);
    }

    @Test
    void aRevokedScheduledTaskNeverRuns() throws Exception {
        Answer accepted = client.postJson("api/tasks", "{\"type\":\"reverse\",\"text\":\"never\",\"delay\":2}");
        String id = accepted.json().getString("task_id");
        Answer cancelled = operator.post("api/admin/tasks/" + id + "/cancel");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("REVOKED");

        Thread.sleep(3_500);
        JsonObject task = client.task(id);
        assertThat(task.getString("state")).isEqualTo("REVOKED");
        assertThat(task.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("state")).containsExactly("SCHEDULED", "REVOKED");
    }

    @Test
    void wrongDueTimesAreProblemsNamingTheField() {
        assertProblem("{\"type\":\"reverse\",\"text\":\"x\",\"run_at\":\"2020-01-01T00:00:00Z\"}", "run_at",
                "in the past; it may be at most 5.0 s in the past");
        assertProblem("{\"type\":\"reverse\",\"text\":\"x\",\"run_at\":\"next tuesday\"}", "run_at",
                "must be an RFC 3339 instant");
        assertProblem("{\"type\":\"reverse\",\"text\":\"x\",\"run_at\":\"" + Instant.now().plusSeconds(60)
                + "\",\"delay\":5}", "delay", "either run_at or delay, not both");
        assertProblem("{\"type\":\"reverse\",\"text\":\"x\",\"delay\":\"P90D\"}", "delay",
                "more than the longest delay allowed, PT720H");
        assertProblem("{\"type\":\"reverse\",\"text\":\"x\",\"delay\":\"later\"}", "delay",
                "must be an ISO-8601 duration");
    }

    @Test
    void aScheduleFiresIsPausedResumedTriggeredAndDeleted() throws Exception {
        String id = "it-every-2s-" + System.nanoTime();
        Answer created = operator.postJson("api/admin/schedules", "{\"id\":\"" + id + "\",\"name\":\"IT\","
                + "\"cron\":\"*/2 * * * * *\",\"type\":\"reverse\",\"input\":{\"text\":\"tick\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/admin/schedules/" + id);
        assertThat(created.json().getString("cron_in_words")).isEqualTo("every 2 seconds");
        assertThat(created.json().getString("missed_runs")).isEqualTo("fire-once");
        assertThat(operator.postJson("api/admin/schedules", "{\"id\":\"" + id + "\",\"cron\":\"* * * * *\","
                + "\"type\":\"reverse\",\"input\":{\"text\":\"x\"}}").status()).as("the id is taken").isEqualTo(409);

        JsonObject fired = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> schedule(id), s -> s.getJsonArray("runs").size() >= 2);
        JsonObject run = fired.getJsonArray("runs").getJsonObject(0);
        assertThat(run.getString("outcome")).isEqualTo("FIRED");
        assertThat(awaitState(run.getString("task_id"), "SUCCESS").getString("result")).isEqualTo("kcit");

        assertThat(operator.post("api/admin/schedules/" + id + "/pause").json().getBoolean("enabled")).isFalse();
        int runsWhenPaused = schedule(id).getJsonArray("runs").size();
        Thread.sleep(5_000);
        JsonObject paused = schedule(id);
        assertThat(paused.getJsonArray("runs")).as("no fires while paused").hasSize(runsWhenPaused);
        assertThat(paused.isNull("next_run")).isTrue();

        JsonObject resumed = operator.post("api/admin/schedules/" + id + "/resume").json();
        assertThat(resumed.getBoolean("enabled")).isTrue();
        await().atMost(Duration.ofSeconds(6)).until(() -> schedule(id).getJsonArray("runs").size() > runsWhenPaused);
        assertThat(schedule(id).getJsonArray("runs").getValuesAs(JsonObject.class))
                .as("a pause is not caught up").noneMatch(r -> r.getString("outcome").equals("CATCH_UP"));

        assertThat(operator.post("api/admin/schedules/" + id + "/pause").status()).isEqualTo(200);
        Answer triggered = operator.post("api/admin/schedules/" + id + "/trigger");
        assertThat(triggered.status()).isEqualTo(202);
        String manual = triggered.json().getString("task_id");
        assertThat(awaitState(manual, "SUCCESS").getString("result")).isEqualTo("kcit");
        assertThat(schedule(id).getJsonArray("runs").getJsonObject(0).getString("outcome")).isEqualTo("TRIGGERED");

        assertThat(operator.delete("api/admin/schedules/" + id).status()).isEqualTo(204);
        assertThat(operator.get("api/admin/schedules/" + id).status()).isEqualTo(404);
        assertThat(operator.get("api/admin/schedules").jsonArray().getValuesAs(JsonObject.class))
                .noneMatch(s -> s.getString("id").equals(id));
        assertThat(client.task(manual).getString("state")).as("its tasks stay").isEqualTo("SUCCESS");
    }

    @Test
    void aBadScheduleIsAProblemNamingEachField() {
        Answer bad = operator.postJson("api/admin/schedules", "{\"id\":\"bad cron!\",\"cron\":\"61 * * * *\","
                + "\"type\":\"fly\",\"missed_runs\":\"twice\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).containsExactlyInAnyOrder("id", "cron", "type", "missed_runs");
        assertThat(bad.json().getString("detail")).contains("61 not in range");

        Answer badInput = operator.postJson("api/admin/schedules", "{\"id\":\"bad-input\",\"cron\":\"* * * * *\","
                + "\"type\":\"email\",\"input\":{\"recipient\":\"nobody\"}}");
        assertThat(badInput.status()).isEqualTo(400);
        assertThat(badInput.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains("input.recipient");
        assertThat(operator.get("api/admin/schedules/bad-input").status()).as("nothing was kept").isEqualTo(404);
        assertThat(client.get("api/admin/schedules").status()).as("login required").isEqualTo(401);
    }

    private void assertProblem(String body, String field, String message) {
        Answer answer = client.postJson("api/tasks", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<JsonObject> errors = answer.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getString("field")).isEqualTo(field);
            assertThat(e.getString("message")).contains(message);
        });
    }

    private JsonObject schedule(String id) {
        return operator.get("api/admin/schedules/" + id).json();
    }

    private static Instant stepAt(JsonObject task, String state) {
        return task.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("state").equals(state)).map(e -> Instant.parse(e.getString("at")))
                .findFirst().orElseThrow();
    }

    private JsonObject awaitState(String id, String state) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> client.task(id), t -> t.getString("state").equals(state));
    }
}

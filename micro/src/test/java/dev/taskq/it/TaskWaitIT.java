package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waiting without polling, as a client sees it: {@code GET /api/tasks/{id}?wait=…} answers when the task ends (or
 * at the time limit, as it is then), and {@code GET /api/tasks/events?ids=…} streams the tasks' state changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskWaitIT {

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
    void waitAnswersWithTheEndOfATaskThatFinishesWhileWaiting() {
        String id = client.submit("{\"type\":\"reverse\",\"text\":\"wait for me\"}");
        long start = System.nanoTime();

        TaskqClient.Answer answer = client.get("api/tasks/" + id + "?wait=PT25S");

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getString("state")).isEqualTo("SUCCESS");
        assertThat(answer.json().getString("result")).isEqualTo("em rof tiaw");
        assertThat(waited).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void waitThatRunsOutAnswersTheStateTheTaskIsIn() {
        // fails and is retried 3 times (1.5 s apart): seconds before it ends FAILURE
        String id = client.submit("{\"type\":\"email\",\"recipient\":\"fail@example.com\",\"subject\":\"s\","
                + "\"body\":\"b\"}");
        long start = System.nanoTime();

        TaskqClient.Answer answer = client.get("api/tasks/" + id + "?wait=PT1S");

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getString("state")).isIn("PENDING", "STARTED", "RETRY");
        assertThat(waited).isBetween(Duration.ofMillis(900), Duration.ofMillis(3500));
    }

    @Test
    void anUnreadableOrNegativeWaitIsA400Problem() {
        String id = client.submit("{\"type\":\"reverse\",\"text\":\"x\"}");
        for (String wait : List.of("soon", "-PT1S")) {
            TaskqClient.Answer answer = client.get("api/tasks/" + id + "?wait=" + wait);
            assertThat(answer.status()).as(wait).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().getString("detail")).contains("wait");
        }
    }

    @Test
    void eventStreamTellsEachChangeOfTheTasksAskedFor() throws Exception {
        String first = client.submit("{\"type\":\"reverse\",\"text\":\"one\"}");
        String second = client.submit("{\"type\":\"sentiment\",\"text\":\"a good day\"}");
        BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                client.uri("api/tasks/events?ids=" + first + "," + second)).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:"))
                .map(line -> Json.createReader(new StringReader(line.substring(5).trim())).readObject())
                .forEach(events::add));
        reader.setDaemon(true);
        reader.start();

        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(ended(seen, first) && ended(seen, second)) && System.nanoTime() < deadline) {
            JsonObject event = events.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                seen.add(event);
            }
        }
        response.body().close();

        assertThat(seen).allSatisfy(event -> {
            assertThat(event.getString("task_id")).isIn(first, second);
            assertThat(event.getString("at")).isNotBlank();
        });
        for (String id : List.of(first, second)) {
            List<String> states = seen.stream().filter(e -> e.getString("task_id").equals(id))
                    .map(e -> e.getString("state")).toList();
            assertThat(states).as(id).isNotEmpty().last().isEqualTo("SUCCESS");
        }
        // the second task was still waiting or running when the stream opened: its start was told as it came
        assertThat(seen.stream().filter(e -> e.getString("task_id").equals(second))
                .map(e -> e.getString("state"))).contains("STARTED");
    }

    @Test
    void eventStreamTellsARunningTasksProgressAsEventsNamedProgressBetweenItsStateChanges() throws Exception {
        String id = client.submit("{\"type\":\"it-count\",\"label\":\"steps\",\"steps\":5,\"stepMs\":400}");
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();   // {event name, data}
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                client.uri("api/tasks/events?ids=" + id)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            String[] name = {"message"};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name[0], line.substring(5).trim()});
                } else if (line.isEmpty()) {
                    name[0] = "message";
                }
            });
        });
        reader.setDaemon(true);
        reader.start();

        List<String> seen = new ArrayList<>();   // "STATE" for a change, "progress N" for a report
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!seen.contains("SUCCESS") && System.nanoTime() < deadline) {
            String[] event = events.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                JsonObject data = Json.createReader(new StringReader(event[1])).readObject();
                assertThat(data.getString("task_id")).isEqualTo(id);
                seen.add(!event[0].equals("progress") ? data.getString("state")
                        : data.containsKey("progress") ? "progress " + data.getInt("progress") : "logged");
            }
        }
        response.body().close();
        System.out.println("events of a counting task: " + seen);

        assertThat(seen).last().isEqualTo("SUCCESS");
        List<String> reports = seen.stream().filter(e -> e.startsWith("progress ")).toList();
        assertThat(reports).as("progress heard while it ran").isNotEmpty()
                .allMatch(e -> e.matches("progress (20|40|60|80|100)"));
        assertThat(seen.indexOf(reports.get(0))).as("first report after its start")
                .isGreaterThan(seen.indexOf("STARTED"));
        assertThat(seen.stream().filter(e -> !e.startsWith("progress ") && !e.equals("logged")))
                .as("unnamed events: state changes only").isSubsetOf("PENDING", "STARTED", "SUCCESS");
    }

    @Test
    void eventStreamRefusesIdsThatAreNotTaskIds() {
        TaskqClient.Answer answer = client.get("api/tasks/events?ids=abc");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static boolean ended(List<JsonObject> seen, String id) {
        return seen.stream().anyMatch(e -> e.getString("task_id").equals(id) && e.getString("state").equals("SUCCESS"));
    }
}

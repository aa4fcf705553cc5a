package dev.taskq.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How soon the task event stream tells a client that a task finished, at a steady rate, with a client light enough
 * not to be the bound: {@link NotificationLatency} holds one request per task, and thousands of them made the JDK
 * client the bottleneck; here one SSE stream follows 100 tasks.
 *
 * <p>The tasks are submitted ahead, in batches of 100 ({@code POST /api/tasks} with an array), each due at its own
 * instant ({@code run_at}) so that together they become due at {@code rate} per second for {@code seconds}; the
 * stream of each batch is opened before the first of them is due. Due tasks are claimed by the instances' poll (every
 * {@code taskq.scheduling.poll-ms}), so they start in small bursts rather than one by one: a harder load for the
 * notifications than an even one. For each task it takes (time the {@code SUCCESS} event arrived − the event's
 * {@code at}, the worker's time of the finish) and prints p50/p99/max. Client and instance must share a clock (one
 * machine). Usage: {@code StreamNotificationLatency <base URL> [rate] [seconds]}.
 */
public final class StreamNotificationLatency {
    private static final int PER_STREAM = 100;
    /** Time to submit every batch and open every stream before the first task is due. */
    private static final Duration LEAD = Duration.ofSeconds(5);

    private StreamNotificationLatency() {
    }

    public static void main(String[] args) throws Exception {
        NotificationLatency.Load load = NotificationLatency.Load.of(args, 20);
        URI base = load.base();
        int total = load.total();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant first = Instant.now().plus(LEAD);
        long stepNanos = 1_000_000_000L / load.rate();

        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        Set<String> unfinished = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> readers = new ArrayList<>();
        for (int start = 0; start < total; start += PER_STREAM) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = start; i < Math.min(total, start + PER_STREAM); i++) {
                batch.append(i == start ? "" : ",").append("{\"type\":\"reverse\",\"text\":\"latency\",\"run_at\":\"")
                        .append(first.plusNanos(i * stepNanos)).append("\"}");
            }
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("api/tasks"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("batch refused: " + accepted.statusCode() + " " + accepted.body());
            }
            List<String> ids = new ArrayList<>();
            NotificationLatency.json(accepted.body()).forEach(task -> ids.add(task.get("task_id").asText()));
            unfinished.addAll(ids);
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                    base.resolve("api/tasks/events?ids=" + String.join(",", ids)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            if (stream.statusCode() != 200) {
                throw new IllegalStateException("stream refused: " + stream.statusCode());
            }
            Thread reader = new Thread(() -> stream.body().forEach(line -> {
                if (!line.startsWith("data:")) {
                    return;
                }
                Instant received = Instant.now();
                JsonNode change = NotificationLatency.json(line.substring(5).trim());
                if ("SUCCESS".equals(change.get("state").asText())
                        && unfinished.remove(change.get("task_id").asText())) {
                    micros.add(Duration.between(Instant.parse(change.get("at").asText()), received).toNanos() / 1000);
                    done.countDown();
                }
            }));
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        if (Instant.now().isAfter(first)) {
            System.out.println("warning: the submissions took longer than the lead of " + LEAD
                    + "; the first tasks ran before their stream was open (their current state was sent instead)");
        }
        done.await(LEAD.toSeconds() + load.seconds() + 60L, TimeUnit.SECONDS);
        System.out.printf("tasks %d due at %d/s for %d s, followed on %d streams: %d SUCCESS heard, %d not%n", total,
                load.rate(), load.seconds(), readers.size(), micros.size(), unfinished.size());
        NotificationLatency.printLatencies("finish -> event received", micros);
        System.exit(0);
    }
}

package dev.taskq.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How soon a waiting client hears that its task finished: submits {@code rate} tasks/s for {@code seconds} to a
 * running instance, holds a {@code GET /api/tasks/{id}?wait=PT30S} for each, and prints the p50/p99/max of (time
 * the answer arrived − the task's {@code finished_at} in the answer). Client and instance must share a clock (one
 * machine). Usage: {@code NotificationLatency <base URL, e.g. http://127.0.0.1:8080/> [rate] [seconds]}.
 */
public final class NotificationLatency {

    private NotificationLatency() {
    }

    public static void main(String[] args) throws Exception {
        Load load = Load.of(args, 30);
        URI base = load.base();
        int rate = load.rate();
        int total = load.total();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(8)).build();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        ticks.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= total) {
                ticks.shutdown();
                return;
            }
            HttpRequest submit = HttpRequest.newBuilder(base.resolve("api/tasks"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"reverse\",\"text\":\"latency\"}")).build();
            http.sendAsync(submit, HttpResponse.BodyHandlers.ofString()).thenCompose(accepted -> {
                String id = json(accepted.body()).get("task_id").asText();
                return http.sendAsync(HttpRequest.newBuilder(base.resolve("api/tasks/" + id + "?wait=PT30S"))
                        .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
            }).whenComplete((answer, error) -> {
                Instant received = Instant.now();
                try {
                    if (failed.get() == 0 && (error != null || answer.statusCode() != 200)) {
                        System.err.println("first failure: " + (error != null ? error : answer.statusCode() + " "
                                + answer.body()));
                    }
                    if (error != null || answer.statusCode() != 200
                            || !json(answer.body()).get("state").asText().equals("SUCCESS")) {
                        failed.incrementAndGet();
                    } else {
                        Instant finished = Instant.parse(json(answer.body()).get("finished_at").asText());
                        micros.add(Duration.between(finished, received).toNanos() / 1000);
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        done.await(load.seconds() + 60L, TimeUnit.SECONDS);
        System.out.printf("tasks %d at %d/s for %d s: %d answered SUCCESS, %d failed or not SUCCESS%n", total, rate,
                load.seconds(), micros.size(), failed.get());
        printLatencies("finish -> answer received", micros);
        System.exit(0);
    }

    /**
     * The load a latency client runs, from its arguments {@code <base URL> [rate] [seconds]}: {@code rate} tasks/s
     * (default 200) for {@code seconds} against the instance at {@code base} (always ending in '/').
     */
    record Load(URI base, int rate, int seconds) {
        static Load of(String[] args, int defaultSeconds) {
            return new Load(URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"),
                    args.length > 1 ? Integer.parseInt(args[1]) : 200,
                    args.length > 2 ? Integer.parseInt(args[2]) : defaultSeconds);
        }

        int total() {
            return rate * seconds;
        }
    }

    /** Prints p50, p99 and max of {@code micros} (microseconds), after {@code what}; nothing when there are none. */
    static void printLatencies(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON {@code body} read as a tree. */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

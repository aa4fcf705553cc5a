package dev.taskq.deploy.compose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The tasks a user submits through the web container's published port, what each must end as, and the check of
 * the guarantee from Redis (README, "The guarantee"): every accepted task terminal, committed once, each successful
 * e-mail with exactly one "sent" record.
 */
public final class Tasks {
    private static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");

    /** A task to submit and what it must end as (e-mails to a "fail" address: 4 attempts, then FAILURE). */
    public record Spec(String json, String kind, String state, String result, int attempts) {
        public static Spec of(int i, String label) {
            String text = label + " " + i;
            return switch (i % 20) {
                case 7 -> new Spec("{\"type\":\"email\",\"recipient\":\"fail-" + i + "@example.com\",\"subject\":\""
                        + text + "\"}", "email", "FAILURE", null, 4);
                case 0, 3, 6, 9, 12, 15, 18 -> new Spec("{\"type\":\"reverse\",\"text\":\"" + text + "\"}", "reverse",
                        "SUCCESS", new StringBuilder(text).reverse().toString(), 1);
                case 1, 4, 10, 13, 16, 19 -> {
                    String said = i % 2 == 0 ? text + " is good" : text + " is bad";
                    yield new Spec("{\"type\":\"sentiment\",\"text\":\"" + said + "\"}", "sentiment", "SUCCESS",
                            said.contains("good") ? "positive" : "negative", 1);
                }
                default -> {
                    String to = "user-" + i + "@example.com";
                    yield new Spec("{\"type\":\"email\",\"recipient\":\"" + to + "\",\"subject\":\"" + text + "\"}",
                            "email", "SUCCESS", "Email sent to " + to + " (subject: " + text + ")", 1);
                }
            };
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Spec> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    public Tasks(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Submits one task: its id when answered 202, else null (the answer counted in {@link #refused()}). */
    public String submit(Spec spec) {
        String outcome;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("api/tasks"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(spec.json())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                Matcher m = TASK_ID.matcher(answer.body());
                if (m.find()) {
                    accepted.put(m.group(1), spec);
                    return m.group(1);
                }
            }
            outcome = "HTTP " + answer.statusCode();
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        refused.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        return null;
    }

    /** Submits {@code n} tasks from 4 threads, all answered 202 or the test fails; their ids in order. */
    public List<String> submitAll(int n, String label) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, (String) null)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < n; i++) {
            int index = i;
            pool.execute(() -> ids.set(index, submit(Spec.of(index, label))));
        }
        shutdown(pool, Duration.ofMinutes(3));
        if (ids.contains(null)) {
            throw new AssertionError("not every submission was accepted: " + refused());
        }
        return List.copyOf(ids);
    }

    /** A steady load: {@code perSecond} submissions a second from 2 threads until {@link Load#stop()}. */
    public Load load(int perSecond, String label) {
        return new Load(perSecond, label);
    }

    public final class Load {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService threads = Executors.newFixedThreadPool(2);

        private Load(int perSecond, String label) {
            long pauseNanos = TimeUnit.SECONDS.toNanos(2) / perSecond;
            for (int t = 0; t < 2; t++) {
                threads.execute(() -> {
                    while (running.get()) {
                        long began = System.nanoTime();
                        String id = submit(Spec.of(next.getAndIncrement(), label));
                        if (id != null) {
                            ids.add(id);
                        }
                        long rest = pauseNanos - (System.nanoTime() - began);
                        if (rest > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(rest);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
            }
        }

        /** Stops submitting; the ids of the tasks accepted meanwhile. */
        public List<String> stop() {
            running.set(false);
            shutdown(threads, Duration.ofSeconds(60));
            return List.copyOf(ids);
        }

        public int submitted() {
            return next.get();
        }
    }

    /** Answers other than 202 so far (status or exception), counted. */
    public Map<String, Integer> refused() {
        Map<String, Integer> counts = new TreeMap<>();
        refused.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public void clearRefused() {
        refused.clear();
    }

    public Spec spec(String id) {
        return accepted.get(id);
    }

    /** The tasks' records in Redis, as the dashboard and redis-cli see them. */
    public Map<String, Record> records(JedisPooled redis, String prefix, List<String> ids) {
        Map<String, Record> records = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<String, Response<List<String>>> fields = new LinkedHashMap<>();
            Map<String, Response<Long>> sent = new LinkedHashMap<>();
            Map<String, Response<List<String>>> history = new LinkedHashMap<>();
            try (Pipeline pipeline = redis.pipelined()) {
                for (String id : page) {
                    fields.put(id, pipeline.hmget(prefix + ":task:" + id, "state", "result", "attempts", "commits"));
                    sent.put(id, pipeline.llen(prefix + ":email:sent:" + id));
                    history.put(id, pipeline.lrange(prefix + ":task:" + id + ":history", 0, -1));
                }
                pipeline.sync();
            }
            for (String id : page) {
                List<String> f = fields.get(id).get();
                records.put(id, new Record(id, f.get(0), f.get(1), number(f.get(2)), number(f.get(3)),
                        sent.get(id).get(), runners(history.get(id).get())));
            }
        }
        return records;
    }

    /** A task's record: state, result, executions, commits, "sent" records, the instances that started it. */
    public record Record(String id, String state, String result, long attempts, long commits, long sentRecords,
            List<String> runners) {
        public boolean terminal() {
            return state != null && List.of("SUCCESS", "FAILURE", "REVOKED").contains(state);
        }

        public String lastRunner() {
            return runners.isEmpty() ? "" : runners.get(runners.size() - 1);
        }
    }

    /** What the guarantee says of a set of accepted tasks, counted. */
    public record Tally(int accepted, int terminal, int lost, int duplicateCommits, int executedTwice,
            int wrongOutcome, int wrongSentRecords) {
        public boolean kept() {
            return lost == 0 && duplicateCommits == 0 && wrongOutcome == 0 && wrongSentRecords == 0;
        }
    }

    public Tally tally(Map<String, Record> records) {
        int terminal = 0, duplicates = 0, twice = 0, wrong = 0, wrongSent = 0;
        for (Record r : records.values()) {
            Spec spec = spec(r.id());
            if (!r.terminal()) {
                continue;
            }
            terminal++;
            if (r.commits() != 1) {
                duplicates++;
            }
            if (r.attempts() > spec.attempts()) {
                twice++;
            }
            if (!r.state().equals(spec.state()) || spec.result() != null && !spec.result().equals(r.result())) {
                wrong++;
            }
            long expectedSent = spec.kind().equals("email") && spec.state().equals("SUCCESS") ? 1 : 0;
            if (r.sentRecords() != expectedSent) {
                wrongSent++;
            }
        }
        return new Tally(records.size(), terminal, records.size() - terminal, duplicates, twice, wrong, wrongSent);
    }

    private static List<String> runners(List<String> history) {
        List<String> runners = new ArrayList<>();
        Pattern started = Pattern.compile("\"state\"\\s*:\\s*\"STARTED\"");
        Pattern instance = Pattern.compile("\"instance\"\\s*:\\s*\"([^\"]*)\"");
        for (String step : history) {
            Matcher m = instance.matcher(step);
            if (started.matcher(step).find() && m.find()) {
                runners.add(m.group(1));
            }
        }
        return runners;
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static void shutdown(ExecutorService pool, Duration timeout) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskq.it.MicroInstances.Instance;
import dev.taskq.it.TaskqClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.JedisPooled;

/**
 * Delayed and recurring tasks across two Payara Micro instances this test owns, both polling, neither a leader:
 * a schedule firing every 2 seconds runs exactly one task per slot while one instance is killed with SIGKILL, and
 * then while both are down and come back (the fire-once schedule catches up once, the skip schedule not at all);
 * and 10 000 delayed tasks, due within 20 seconds, each run exactly once, waiting in Redis rather than in a heap.
 * A schedule of the configuration is stored by the instances when they start and kept through their restart.
 * What was made is read from Redis, the store anyone may inspect with redis-cli.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulingClusterIT {
    private static final String QUEUE = "taskq.scheduling-it.tasks";
    private static final String PREFIX = "taskq-scheduling-it";
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Defined as a container defines one, by environment variables (TASKQ_SCHEDULES_FROM_CONFIG_*): lower case. */
    private static final String CONFIGURED = "from_config";
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000);

    private static MicroInstances instances;
    private static JedisPooled redis;
    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        redis = new JedisPooled("127.0.0.1", 6379);
        redis.keys(PREFIX + ":*").forEach(redis::del);
        instances = new MicroInstances("scheduling-it", QUEUE, PREFIX, "taskq.work.delay-ms=0",
                "taskq.scheduling.runs-shown=50",
                // a schedule of the configuration, as a deployment defines one
                "taskq.schedules." + CONFIGURED + ".cron=*/3 * * * * *",
                "taskq.schedules." + CONFIGURED + ".type=reverse",
                "taskq.schedules." + CONFIGURED + ".input={\"text\":\"configured\"}",
                "taskq.schedules." + CONFIGURED + ".missed-runs=skip");
        a = instances.launch("scheduling-a");
        b = instances.launch("scheduling-b");
        MicroInstances.awaitReady(a, b);
    }

    @AfterAll
    static void stopThem() throws Exception {
        instances.close();
        redis.close();
    }

    @Test
    @Order(1)
    void eachSlotRunsOnceThroughAKillAndADowntimeAndOnlyFireOnceCatchesUp() throws Exception {
        String every = "every-2s-" + RUN;
        String skip = "skip-" + RUN;
        for (String[] schedule : new String[][] {{every, "fire-once"}, {skip, "skip"}}) {
            Answer created = operator(a).postJson("api/admin/schedules", "{\"id\":\"" + schedule[0] + "\","
                    + "\"cron\":\"*/2 * * * * *\",\"type\":\"reverse\",\"input\":{\"text\":\"" + schedule[0] + "\"},"
                    + "\"missed_runs\":\"" + schedule[1] + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        Thread.sleep(12_000);
        b.kill();
        Thread.sleep(6_000);
        a.kill();
        Instant allDown = Instant.now();
        a = instances.launch("scheduling-a");
        b = instances.launch("scheduling-b");
        MicroInstances.awaitReady(a, b);
        Thread.sleep(8_000);
        for (String id : List.of(every, skip, CONFIGURED)) {
            assertThat(operator(a).post("api/admin/schedules/" + id + "/pause").status()).isEqualTo(200);
        }
        Thread.sleep(1_000);

        Map<Instant, List<String>> everySlots = tasksBySlot(every);
        Map<Instant, List<String>> skipSlots = tasksBySlot(skip);
        for (Map<Instant, List<String>> slots : List.of(everySlots, skipSlots)) {
            assertThat(slots.values()).as("one task per slot").allSatisfy(tasks -> assertThat(tasks).hasSize(1));
        }
        List<Instant> before = everySlots.keySet().stream().filter(slot -> slot.isBefore(allDown)).toList();
        List<Instant> after = everySlots.keySet().stream().filter(slot -> !slot.isBefore(allDown)).toList();
        Duration down = Duration.between(before.get(before.size() - 1), after.get(0));
        System.out.printf("schedule %s: %d slots before the downtime (B killed 6 s before it), %d after; the first"
                + " slot after it %s, %d s after the last before%n", every, before.size(), after.size(), after.get(0),
                down.toSeconds());
        // every slot ran while A was alone after B's kill -9, and again once they were back
        assertThat(before).hasSizeGreaterThanOrEqualTo(8);
        assertEveryTwoSeconds(before);
        assertEveryTwoSeconds(after);
        assertThat(down).as("at least 3 slots were missed").isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(firedBy(every, allDown)).as("both instances fired slots: no leader").contains("scheduling-a",
                "scheduling-b");

        List<Long> late = runs(every).stream().filter(r -> r.getString("outcome").equals("FIRED"))
                .map(r -> r.getJsonNumber("late_ms").longValue()).sorted().toList();
        System.out.printf("schedule %s: %d slots fired in time, fire time - slot time p50 %d ms, p99 %d ms, max %d ms"
                + "%n", every, late.size(), late.get(late.size() / 2), late.get(late.size() * 99 / 100),
                late.get(late.size() - 1));

        // the downtime: fire-once made exactly one catch-up task for all the missed slots, skip none
        List<JsonObject> catchUps = runs(every).stream().filter(r -> r.getString("outcome").equals("CATCH_UP"))
                .toList();
        assertThat(catchUps).hasSize(1);
        assertThat(catchUps.get(0).getString("task_id")).isEqualTo(everySlots.get(after.get(0)).get(0));
        assertThat(catchUps.get(0).getInt("missed")).isGreaterThanOrEqualTo(3);
        assertThat(runs(skip)).noneMatch(r -> r.getString("outcome").equals("CATCH_UP"));
        assertThat(lateTasks(skipSlots)).as("skip made no task for a missed slot").isEmpty();
        assertThat(lateTasks(everySlots)).as("fire-once made at most its one catch-up late")
                .hasSizeLessThanOrEqualTo(1);
        assertEveryTwoSeconds(skipSlots.keySet().stream().filter(slot -> !slot.isBefore(allDown)).toList());

        // the configuration's schedule: stored by the instances at start, fired by them, kept through the restart
        JsonObject configured = operator(a).get("api/admin/schedules/" + CONFIGURED).json();
        assertThat(configured.getString("source")).isEqualTo("CONFIG");
        assertThat(configured.getString("cron_in_words")).isEqualTo("every 3 seconds");
        assertThat(configured.getString("missed_runs")).isEqualTo("skip");
        Map<Instant, List<String>> configuredSlots = tasksBySlot(CONFIGURED);
        assertThat(configuredSlots.values()).allSatisfy(tasks -> assertThat(tasks).hasSize(1));
        assertThat(configuredSlots.keySet()).anyMatch(slot -> slot.isBefore(allDown))
                .anyMatch(slot -> slot.isAfter(allDown));
        assertThat(runs(CONFIGURED)).noneMatch(r -> r.getString("outcome").equals("CATCH_UP"));

        // every task made ran once, to SUCCESS
        List<String> all = new ArrayList<>();
        List.of(everySlots, skipSlots, configuredSlots).forEach(m -> m.values().forEach(all::addAll));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> all.stream().allMatch(id -> "SUCCESS".equals(redis.hget(key("task", id), "state"))));
        assertThat(all).allSatisfy(id -> assertThat(redis.hget(key("task", id), "commits")).isEqualTo("1"));
    }

    @Test
    @Order(2)
    void tenThousandDelayedTasksDueWithinTwentySecondsRunOnceEachAndWaitInRedis() throws Exception {
        int count = 10_000;
        long heapBefore = usedHeapAfterGc(a);
        Instant firstDue = Instant.now().plusSeconds(80);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> submitted = new ArrayList<>();
        Instant submitStart = Instant.now();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            TaskqClient client = (thread % 2 == 0 ? a : b).client();
            submitted.add(clients.submit(() -> {
                for (int i = thread; i < count; i += 16) {
                    Instant due = firstDue.plusMillis(i * 2L);
                    ids.add(client.submit("{\"type\":\"reverse\",\"text\":\"d" + i + "\",\"run_at\":\"" + due
                            + "\"}"));
                }
            }));
        }
        for (Future<?> f : submitted) {
            f.get();
        }
        clients.shutdown();
        Duration submitting = Duration.between(submitStart, Instant.now());
        assertThat(Instant.now()).as("all submitted before the first is due").isBefore(firstDue);
        long waiting = redis.zcard(key("tasks", "due"));
        long heapWaiting = usedHeapAfterGc(a);
        System.out.printf("10000 delayed tasks submitted in %d ms; %d waiting in Redis; instance A heap after GC:"
                + " %d KiB before, %d KiB with them waiting%n", submitting.toMillis(), waiting, heapBefore / 1024,
                heapWaiting / 1024);
        assertThat(waiting).isEqualTo(count);
        assertThat(heapWaiting - heapBefore).as("the waiting tasks are not in the heap").isLessThan(24L << 20);

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> redis.zcard(key("tasks", "state", "SUCCESS")) >= count);
        List<Long> lateness = new ArrayList<>();
        List<Long> queuedLateness = new ArrayList<>();
        int startedTwice = 0;
        for (String id : ids) {
            Map<String, String> task = redis.hgetAll(key("task", id));
            assertThat(task.get("state")).isEqualTo("SUCCESS");
            assertThat(task.get("commits")).isEqualTo("1");
            List<String> history = redis.lrange(key("task", id, "history"), 0, -1);
            List<String> started = history.stream().filter(e -> e.contains("\"STARTED\"")).toList();
            Instant queuedAt = history.stream().filter(e -> e.contains("\"PENDING\"")).findFirst()
                    .map(e -> Instant.parse(json(e).getString("at"))).orElseThrow();
            if (started.size() != 1) {
                startedTwice++;
            }
            Instant startedAt = Instant.parse(json(started.get(0)).getString("at"));
            Instant due = Instant.parse(task.get("run_at"));
            assertThat(startedAt).as("task %s ran no earlier than due", id).isAfterOrEqualTo(due.minusMillis(50));
            lateness.add(Duration.between(due, startedAt).toMillis());
            queuedLateness.add(Duration.between(due, queuedAt).toMillis());
        }
        Collections.sort(lateness);
        Collections.sort(queuedLateness);
        System.out.printf("10000 delayed tasks: queued after their due time p50 %d ms, p99 %d ms, max %d ms%n",
                queuedLateness.get(count / 2), queuedLateness.get(count * 99 / 100), queuedLateness.get(count - 1));
        System.out.printf("10000 delayed tasks: started after their due time p50 %d ms, p99 %d ms, max %d ms;"
                + " started more than once: %d%n", lateness.get(count / 2), lateness.get(count * 99 / 100),
                lateness.get(count - 1), startedTwice);
        assertThat(startedTwice).isZero();
    }

    private static void assertEveryTwoSeconds(List<Instant> slots) {
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1), slots.get(i))).as("no slot missed after %s", slots.get(i - 1))
                    .isEqualTo(Duration.ofSeconds(2));
        }
    }

    private static Map<Instant, List<String>> tasksBySlot(String schedule) {
        Map<Instant, List<String>> slots = new TreeMap<>();
        for (String id : redis.zrange(key("tasks", "kind", "reverse"), 0, -1)) {
            Map<String, String> task = redis.hgetAll(key("task", id));
            if (schedule.equals(task.get("schedule"))) {
                slots.computeIfAbsent(Instant.parse(task.get("run_at")), s -> new ArrayList<>()).add(id);
            }
        }
        return slots;
    }

    /** Tasks whose slot is more than the grace before they were made: catch-ups. */
    private static List<String> lateTasks(Map<Instant, List<String>> slots) {
        return slots.entrySet().stream().flatMap(e -> e.getValue().stream()
                .filter(id -> Duration.between(e.getKey(), Instant.parse(redis.hget(key("task", id), "submitted_at")))
                        .compareTo(GRACE) > 0)).toList();
    }

    private static Set<String> firedBy(String schedule, Instant before) {
        return runs(schedule).stream()
                .filter(r -> Instant.parse(r.getString("fired_at")).isBefore(before))
                .map(r -> r.getString("instance")).collect(Collectors.toSet());
    }

    private static List<JsonObject> runs(String schedule) {
        Answer answer = operator(a).get("api/admin/schedules/" + schedule);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("runs").getValuesAs(JsonObject.class);
    }

    /** The instance's used heap after a full GC, in bytes, as {@code jcmd <pid> GC.heap_info} says. */
    private static long usedHeapAfterGc(Instance instance) throws Exception {
        jcmd(instance, "GC.run");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd(instance, "GC.heap_info"));
        assertThat(used.find()).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(Instance instance, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(instance.process().pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    private static Operator operator(Instance instance) {
        return new Operator(instance.client());
    }

    private static String key(String... parts) {
        return PREFIX + ":" + String.join(":", parts);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}

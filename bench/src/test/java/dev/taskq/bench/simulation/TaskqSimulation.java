package dev.taskq.bench.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.taskq.bench.BenchSettings;
import dev.taskq.bench.instance.ProcessSampler;
import dev.taskq.bench.instance.SystemUnderTest;
import dev.taskq.bench.report.PhaseLog;
import dev.taskq.bench.report.RunReport;
import dev.taskq.bench.report.TaskTiming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The taskq benchmark, one run: starts the system under test that {@code bench.target} names (a taskq instance, or
 * the Celery reference stack of bench/celery to compare with; see {@link SystemUnderTest}), then runs its phases one
 * after the other, each on the REST API as a client would use it (submit, then read the task until it is
 * terminal):
 * <ul>
 *   <li>{@code warmup} (not reported): a burst from 16 clients, so that the measured phases meet a warm JVM;</li>
 *   <li>{@code burst-<clients>}: {@code bench.burst.tasks} mixed tasks (reverse, sentiment, email) shared by that
 *       many clients, each submitting its share as fast as it can, then reading each of its tasks until done: its
 *       {@code submit_per_s} is the accepted tasks/s (202s per second) at that many clients, its
 *       {@code completed_per_s} the end-to-end rate;</li>
 *   <li>{@code batch}: one client submits {@code bench.batch.tasks} mixed tasks as JSON arrays of
 *       {@code bench.batch.size} to the same {@code POST /api/tasks}, one request after the other; each answer must
 *       be 202 with one {@code {task_id, state: PENDING}} per task, in order; then it reads every task until done
 *       ({@code submit_per_s}: accepted tasks/s from one client);</li>
 *   <li>{@code steady-<rate>}: a new task every 1/rate s for {@code bench.steady.seconds}, each read until done
 *       (first read right after the 202, then backing off from {@code bench.poll.ms}).</li>
 * </ul>
 * A task not terminal {@value BenchSettings#TASK_TIMEOUT_SECONDS} s after its submission is lost; it and every
 * unexpected answer make a failed request, and the run fails on any.
 */
public class TaskqSimulation extends Simulation {
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILURE", "REVOKED");
    private static final Duration BETWEEN_PHASES = Duration.ofSeconds(2);
    private static final int WARMUP_CLIENTS = 16;
    private static final long MAX_POLL_PAUSE_MS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final SystemUnderTest system = SystemUnderTest.of(settings);
    private final List<PhaseLog> phases = new ArrayList<>();
    private final RunReport report = new RunReport();
    private final AtomicLong taskNumbers = new AtomicLong();
    private ProcessSampler sampler;
    private ProcessSampler loadGenerator;
    private ProcessSampler brokerAndStore;

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        if (settings.warmupTasks() > 0) {
            steps.add(burst(phase("warmup", false), settings.warmupTasks(), WARMUP_CLIENTS));
        }
        for (int clients : settings.burstClients()) {
            steps.add(burst(phase("burst-" + clients, true), settings.burstTasks(), clients));
        }
        if (settings.batchTasks() > 0) {
            steps.add(batch(phase("batch", true), settings.batchTasks(),
                    settings.batchSize()));
        }
        for (int rate : settings.steadyRates()) {
            steps.add(steady(phase("steady-" + rate, true), rate, settings.steadySeconds()));
        }
        setUp(inSequence(steps))
                .protocols(http.baseUrl(system.baseUrl())
                        .acceptHeader("application/json")
                        .contentTypeHeader("application/json")
                        .shareConnections())
                .maxDuration(Duration.ofSeconds((long) steps.size() * (BenchSettings.TASK_TIMEOUT_SECONDS + 30)
                        + (long) settings.steadyRates().size() * settings.steadySeconds()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            system.start(settings.reportDir().resolveSibling(
                    settings.reportDir().getFileName() + "-instances").resolve("run-" + settings.run()));
            sampler = new ProcessSampler(system::pids);
            report.instanceStarted(system.startToFirstTaskMillis(), sampler.now());
            report.redisPersistence(settings.redisHost());
            sampler.every(100);
            loadGenerator = new ProcessSampler(ProcessHandle.current().pid()).every(100);
            brokerAndStore = ProcessSampler.ofExecutables("beam.smp", "redis-server").every(100);
        } catch (Exception e) {
            stopSystem();
            throw new IllegalStateException("could not start " + system.target() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        try {
            sampler.close();
            loadGenerator.close();
            brokerAndStore.close();
            System.out.println(system.target() + " benchmark run written to "
                    + report.write(settings, phases, sampler.samples(), Map.of(
                            "load_generator", loadGenerator.samples(),
                            "rabbitmq_redis", brokerAndStore.samples())));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the run's results: " + e.getMessage(), e);
        } finally {
            stopSystem();
        }
    }

    private void stopSystem() {
        try {
            system.close();
        } catch (Exception e) {
            System.err.println("stopping " + system.target() + " failed: " + e);
        }
    }

    private PhaseLog phase(String name, boolean reported) {
        PhaseLog phase = new PhaseLog(name, reported);
        phases.add(phase);
        return phase;
    }

    /** Each step starts when the one before ended; its /metrics snapshot is taken in the pause before the next. */
    private PopulationBuilder inSequence(List<PopulationBuilder> steps) {
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        return chain;
    }

    /** {@code tasks} tasks shared by {@code clients} clients; each submits its share, then reads each until done. */
    private PopulationBuilder burst(PhaseLog phase, int tasks, int clients) {
        AtomicInteger clientNumbers = new AtomicInteger();
        return scenario(phase.name())
                .exec(session -> {
                    int client = clientNumbers.getAndIncrement();
                    return session.set("share", tasks / clients + (client < tasks % clients ? 1 : 0))
                            .set("pending", new ArrayDeque<TaskTiming>());
                })
                .repeat(session -> session.getInt("share")).on(
                        submit(phase),
                        exec(session -> {
                            if (task(session).isAccepted()) {
                                pending(session).add(task(session));
                            }
                            return session;
                        }))
                .exec(readEachUntilDone(phase))
                .injectOpen(nothingFor(BETWEEN_PHASES), atOnceUsers(clients))
                .andThen(metricsSnapshot(phase));
    }

    /**
     * One client submits {@code tasks} tasks as JSON arrays of {@code size}, one request after the other, then
     * reads each until done. A batch counts as accepted only if the answer is 202 with one PENDING task per task
     * sent; its tasks take their ids in the order sent.
     */
    private PopulationBuilder batch(PhaseLog phase, int tasks, int size) {
        return scenario(phase.name())
                .exec(session -> session.set("left", tasks).set("pending", new ArrayDeque<TaskTiming>()))
                .asLongAs(session -> session.getInt("left") > 0).on(
                        exec(session -> {
                            int count = Math.min(size, session.getInt("left"));
                            List<TaskTiming> batch = new ArrayList<>(count);
                            StringJoiner body = new StringJoiner(",", "[", "]");
                            for (int i = 0; i < count; i++) {
                                body.add(nextTaskBody());
                                batch.add(phase.submitting());
                            }
                            return session.set("body", body.toString()).set("batch", batch)
                                    .set("left", session.getInt("left") - count);
                        }),
                        exec(http(phase.name() + ": submit batch").post("/api/tasks").body(StringBody("#{body}"))
                                .check(status().is(202),
                                        jmesPath("length([?state=='PENDING'])").ofInt()
                                                .is(session -> batch(session).size()),
                                        bodyString().saveAs("accepted"))),
                        exec(session -> {
                            List<TaskTiming> batch = batch(session);
                            List<String> ids = session.contains("accepted")
                                    ? taskIds(session.getString("accepted"), batch.size()) : List.of();
                            if (ids.isEmpty()) {
                                phase.httpError();
                            } else {
                                for (int i = 0; i < batch.size(); i++) {
                                    batch.get(i).accepted(ids.get(i));
                                    pending(session).add(batch.get(i));
                                }
                            }
                            return session.remove("accepted").remove("batch").remove("body");
                        }))
                .exec(readEachUntilDone(phase))
                .injectOpen(nothingFor(BETWEEN_PHASES), atOnceUsers(1))
                .andThen(metricsSnapshot(phase));
    }

    /** The task ids of a batch's answer, in order; empty unless it holds exactly {@code count} of them. */
    private static List<String> taskIds(String answer, int count) {
        try {
            List<String> ids = new ArrayList<>(count);
            for (JsonNode accepted : JSON.readTree(answer)) {
                String id = accepted.path("task_id").asText("");
                if (id.isEmpty()) {
                    return List.of();
                }
                ids.add(id);
            }
            return ids.size() == count ? ids : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Reads each task of the session's "pending" queue until it is done (or lost), oldest first. */
    private ChainBuilder readEachUntilDone(PhaseLog phase) {
        return asLongAs(session -> !pending(session).isEmpty()).on(
                exec(session -> session.set("task", pending(session).peek())),
                readUntilDone(phase),
                exec(session -> {
                    pending(session).poll();
                    return session;
                }));
    }

    /** A task every 1/rate s for {@code seconds}, each read until done. */
    private PopulationBuilder steady(PhaseLog phase, int rate, int seconds) {
        return scenario(phase.name())
                .exec(submit(phase))
                .doIf(session -> task(session).isAccepted()).then(readUntilDone(phase))
                .injectOpen(nothingFor(BETWEEN_PHASES), constantUsersPerSec(rate).during(seconds))
                .andThen(metricsSnapshot(phase));
    }

    /** POST /api/tasks with the next task of the mix; the session's "task" records it. */
    private ChainBuilder submit(PhaseLog phase) {
        return exec(session -> session.set("body", nextTaskBody()).set("task", phase.submitting()))
                .exec(http(phase.name() + ": submit").post("/api/tasks").body(StringBody("#{body}"))
                        .check(status().saveAs("status"), status().is(202), jmesPath("task_id").saveAs("taskId")))
                .exec(session -> {
                    if (session.contains("taskId")) {
                        task(session).accepted(session.getString("taskId"));
                    } else {
                        phase.httpError();
                    }
                    return session.remove("taskId");
                });
    }

    /**
     * GET /api/tasks/{id} until the task is terminal, or until it is lost: then one last read that fails unless it
     * is terminal after all. After an answer that is not terminal the client waits {@code bench.poll.ms}, doubling
     * each time up to {@value #MAX_POLL_PAUSE_MS} ms, as a well-behaved client backs off.
     */
    private ChainBuilder readUntilDone(PhaseLog phase) {
        return asLongAs(session -> !task(session).isSettled()
                && task(session).ageSeconds() < BenchSettings.TASK_TIMEOUT_SECONDS, "reads").on(
                exec(session -> session.remove("state").remove("submittedAt").remove("finishedAt")),
                exec(http(phase.name() + ": status").get(session -> "/api/tasks/" + task(session).id())
                        .check(status().is(200), jmesPath("state").saveAs("state"),
                                jmesPath("submitted_at").optional().saveAs("submittedAt"),
                                jmesPath("finished_at").optional().saveAs("finishedAt"))),
                exec(session -> {
                    String state = session.contains("state") ? session.getString("state") : null;
                    if (state == null) {
                        phase.httpError();
                    } else if (TERMINAL.contains(state)) {
                        task(session).settled(state, session.getString("submittedAt"),
                                session.getString("finishedAt"));
                    }
                    return session;
                }),
                doIf(session -> !task(session).isSettled()).then(pause(this::pollPause)))
                .doIf(session -> !task(session).isSettled()).then(
                        exec(http(phase.name() + ": lost task").get(session -> "/api/tasks/" + task(session).id())
                                .check(jmesPath("state").in(TERMINAL.toArray(String[]::new)))));
    }

    private Duration pollPause(Session session) {
        int reads = Math.min(session.getInt("reads"), 10);
        return Duration.ofMillis(Math.min((long) settings.pollMs() << reads, MAX_POLL_PAUSE_MS));
    }

    /** One user that stores the system's /metrics right after the phase ("" for a system without). */
    private PopulationBuilder metricsSnapshot(PhaseLog phase) {
        return scenario("metrics after " + phase.name())
                .exec(session -> {
                    phase.metricsAfter(system.metrics());
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    private String nextTaskBody() {
        long n = taskNumbers.incrementAndGet();
        return switch ((int) (n % 3)) {
            case 0 -> "{\"type\":\"reverse\",\"text\":\"taskq benchmark task " + n + "\"}";
            case 1 -> "{\"type\":\"sentiment\",\"text\":\"a good benchmark, task " + n + "\"}";
            default -> "{\"type\":\"email\",\"recipient\":\"user" + n + "@example.com\",\"subject\":\"benchmark\","
                    + "\"body\":\"task " + n + "\"}";
        };
    }

    private static TaskTiming task(Session session) {
        return session.get("task");
    }

    private static Deque<TaskTiming> pending(Session session) {
        return session.get("pending");
    }

    private static List<TaskTiming> batch(Session session) {
        return session.get("batch");
    }
}

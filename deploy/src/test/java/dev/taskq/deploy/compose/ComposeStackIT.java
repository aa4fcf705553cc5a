package dev.taskq.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskq.deploy.compose.ComposeProject.Container;
import dev.taskq.deploy.compose.Tasks.Record;
import dev.taskq.deploy.compose.Tasks.Tally;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The repository's docker-compose.yml on a real Docker engine, as docs/deploy.md and docs/deploy-ec2.md run it: the
 * images built from the Dockerfiles, every service of {@code COMPOSE_PROFILES=all} healthy, tasks through the web
 * container's published port, a third worker, kills and restarts under load, the admin node's data grid, a
 * graceful stop, {@code down -v}; then the multi-host layout as three projects wired only through their .env
 * addresses. One stack for steps 1–5 and 7 (the steps run in order, as an operator would go), then the three
 * projects of step 6. RabbitMQ and Redis are the TEST images of deploy/src/test/docker (Docker Hub cannot be
 * reached here); every published port is on loopback or on the gateway address of a network this test creates.
 * Skipped only when no Docker engine with the compose plugin answers; .ci/run installs and starts one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {
    private static final Path REPO = Path.of(System.getProperty("taskq.repo")).toAbsolutePath().normalize();
    private static final Path WORK = REPO.resolve("deploy/target/compose-it");
    private static final int BASE = Integer.getInteger("taskq.it.composePortbase", 39100);
    /** The stated time: each service of the stack is healthy this long after {@code docker compose up -d}. */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(6);
    private static final Duration TASKS_TIMEOUT = Duration.ofMinutes(4);
    private static final String PREFIX = "taskq";
    private static final String DASHBOARD_PASSWORD = "compose-it-dashboard";
    private static final String CONSOLE_PASSWORD = "compose-it-console";
    private static final String REDIS_PASSWORD = "compose-it-redis";
    private static final List<String> SERVICES = List.of("rabbitmq", "redis", "admin", "web", "worker");

    private static final List<String> HOST_NETWORKS =
            List.of("taskq-it-host-data", "taskq-it-host-app", "taskq-it-host-workers");

    static {
        // the console's certificate is the domain's self-signed one, for a name that is not 127.0.0.1; read once,
        // when the JDK's HTTP client first loads
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    }

    private static ComposeProject stack;
    private static JedisPooled redis;
    private static Tasks tasks;
    private static final Map<String, Double> PEAK_RSS = new ConcurrentHashMap<>();
    /** RSS is sampled while a load runs (steps 2 and 4). */
    private static volatile boolean underLoad;
    private static final Map<String, Object> REPORT = new LinkedHashMap<>();
    private static final List<ComposeProject> PROJECTS = new ArrayList<>();

    @BeforeAll
    static void dockerEngine() throws java.io.IOException {
        boolean required = awaitPreparedEngine();
        ComposeProject.Result info = ComposeProject.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"),
                Duration.ofSeconds(30), null);
        ComposeProject.Result compose = ComposeProject.run(List.of("docker", "compose", "version", "--short"),
                Duration.ofSeconds(30), null);
        String missing = "no Docker engine with the compose v2 plugin answers here (docker info: "
                + info.output().strip() + "); .ci/run installs and starts one "
                + "(deploy/src/test/docker/install-docker.sh)";
        if (required) {
            assertThat(info.exitCode() == 0 && compose.exitCode() == 0).as(missing).isTrue();
        }
        Assumptions.assumeTrue(info.exitCode() == 0 && compose.exitCode() == 0, "ComposeStackIT skipped: " + missing);
        report("engine", info.output().strip() + ", compose " + compose.output().strip());
        ComposeProject.Result images = ComposeProject.run(
                List.of(REPO.resolve("deploy/src/test/docker/build-test-images.sh").toString()), Duration.ofMinutes(12),
                null);
        assertThat(images.exitCode()).as("the test images:\n" + images.output()).isZero();
        System.out.println(images.output());
        Runtime.getRuntime().addShutdownHook(new Thread(ComposeStackIT::downAll, "compose-it-down"));
        stack = project("taskq-it-stack", Map.of());
    }

    /**
     * .ci/run makes the engine and the test images in the background while the other modules are tested, and names
     * the file it writes its exit status to ({@code TASKQ_DOCKER_PREPARED}): then this test waits for it and is
     * required to run. Without that variable (a developer's machine), it runs when an engine answers.
     */
    private static boolean awaitPreparedEngine() throws java.io.IOException {
        String prepared = System.getenv("TASKQ_DOCKER_PREPARED");
        if (prepared == null || prepared.isBlank()) {
            return false;
        }
        Path status = Path.of(prepared);
        long began = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).until(() -> Files.exists(status)
                && !Files.readString(status).isBlank());
        Path log = Path.of(prepared + ".log");
        String output = Files.exists(log) ? Files.readString(log) : "(no log at " + log + ")";
        System.out.println("[ComposeStackIT] the engine and images .ci/run prepared (waited " + seconds(began)
                + " s):\n" + output);
        assertThat(Files.readString(status).strip()).as("the exit status of .ci/run's preparation:\n" + output)
                .isEqualTo("0");
        return true;
    }

    @AfterAll
    static void downAndReport() {
        downAll();
        if (!REPORT.isEmpty()) {
            StringBuilder text = new StringBuilder("ComposeStackIT report\n");
            REPORT.forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
            System.out.println(text);
            try {
                Files.writeString(WORK.resolve("report.txt"), text);
            } catch (java.io.IOException e) {
                System.err.println("report not written: " + e);
            }
        }
    }

    // ---- 1. build and up ----

    @Test
    @Order(1)
    void theImagesBuildAndEveryServiceOfProfileAllBecomesHealthy() {
        long began = System.nanoTime();
        stack.compose(Duration.ofMinutes(20), "build");
        report("1. docker compose build", seconds(began) + " s");

        Map<String, Long> healthyAfter = upAndAwaitHealthy(stack, SERVICES);
        report("1. healthy after up -d (s)", healthyAfter);
        assertThat(stack.containers()).hasSize(6);
        // a start ends with what the user needs, not with pages of Payara's warnings about the JDK's expired CAs
        assertThat(stack.compose(Duration.ofMinutes(1), "logs", "--no-color", "web", "worker"))
                .as("the nodes' start-up logs").doesNotContain("NCLS-SECURITY-05054").doesNotContain("has expired")
                .contains("Payara Micro URLs");
        redis = new JedisPooled(new HostAndPort("127.0.0.1", BASE + 79),
                DefaultJedisClientConfig.builder().password(REDIS_PASSWORD).build());
        tasks = new Tasks("http://127.0.0.1:" + (BASE + 80));
        Executors.newSingleThreadScheduledExecutor(daemon("rss")).scheduleAtFixedRate(ComposeStackIT::sampleRss, 0, 3,
                TimeUnit.SECONDS);
    }

    // ---- 2. tasks through the web container ----

    @Test
    @Order(2)
    void mixedTasksThroughTheWebPortReachTheirTerminalStatesRunByBothWorkersOnly() throws Exception {
        underLoad = true;
        List<String> ids = tasks.submitAll(300, "mixed");
        Map<String, Record> records = awaitTerminal(ids);
        underLoad = false;
        Tally tally = tasks.tally(records);
        report("2. 300 mixed tasks", tally);
        assertThat(tally.kept()).as(tally.toString()).isTrue();
        assertThat(records.values().stream().filter(r -> r.state().equals("FAILURE")))
                .as("the e-mails to a 'fail' address: 4 attempts, then FAILURE").hasSize(15)
                .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(4));

        Map<String, Long> byRunner = records.values().stream()
                .collect(Collectors.groupingBy(Record::lastRunner, TreeMap::new, Collectors.counting()));
        Set<String> workers = workerNames();
        report("2. tasks per instance (history)", byRunner);
        assertThat(byRunner.keySet()).as("who ran the tasks: both workers, not web or admin")
                .containsExactlyInAnyOrderElementsOf(workers);
        Map<String, String> processed = new TreeMap<>();
        for (String instance : List.of("web", "admin")) {
            processed.put(instance, redis.hget(PREFIX + ":worker:" + instance, "processed"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                workers.stream().mapToLong(w -> number(redis.hget(PREFIX + ":worker:" + w, "processed"))).sum() == 300);
        workers.forEach(w -> processed.put(w, redis.hget(PREFIX + ":worker:" + w, "processed")));
        report("2. processed per instance (heartbeats in Redis)", processed);
        assertThat(processed).containsEntry("web", "0").containsEntry("admin", "0");
        workers.forEach(w -> assertThat(number(processed.get(w))).as(w).isPositive());

        // the UI page and the dashboard's login, through the published port
        HttpResponse<String> ui = get(URI.create("http://127.0.0.1:" + (BASE + 80) + "/"), null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("<form");
        HttpResponse<String> dashboard = get(URI.create("http://127.0.0.1:" + (BASE + 80) + "/dashboard/index.xhtml"),
                null);
        assertThat(dashboard.statusCode()).as("the dashboard wants the login").isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElse("")).contains("/login.xhtml");
        assertThat(get(URI.create("http://127.0.0.1:" + (BASE + 80) + "/login.xhtml"), null).statusCode())
                .isEqualTo(200);
        assertThat(get(URI.create("http://127.0.0.1:" + (BASE + 80) + "/dashboard/index.xhtml"),
                basic("admin", DASHBOARD_PASSWORD)).statusCode()).as("with the login of .env's hash").isEqualTo(200);
        assertThat(get(URI.create("http://127.0.0.1:" + (BASE + 80) + "/api/admin/counts"),
                basic("admin", "not-the-password")).statusCode()).isEqualTo(401);
    }

    // ---- 3. a third worker ----

    @Test
    @Order(3)
    void aThirdWorkerJoinsWithScaleAndTakesTasks() {
        Set<String> before = workerNames();
        long began = System.nanoTime();
        stack.compose(Duration.ofMinutes(2), "up", "-d", "--scale", "worker=3");
        await().atMost(HEALTHY_WITHIN).pollInterval(Duration.ofSeconds(2))
                .until(() -> stack.containers("worker").stream().filter(Container::healthy).count() == 3);
        report("3. third worker healthy after (s)", seconds(began));
        Set<String> added = workerNames();
        added.removeAll(before);
        assertThat(added).hasSize(1);

        Map<String, Record> records = awaitTerminal(tasks.submitAll(90, "scaled"));
        Map<String, Long> byRunner = records.values().stream()
                .collect(Collectors.groupingBy(Record::lastRunner, TreeMap::new, Collectors.counting()));
        report("3. 90 tasks per instance with 3 workers", byRunner);
        assertThat(byRunner).as("the new worker takes tasks").containsKey(added.iterator().next());
        assertThat(tasks.tally(records).kept()).isTrue();
    }

    // ---- 5. the admin node's console and data grid (before the kills, which restart a worker) ----

    @Test
    @Order(4)
    void theAdminConsoleAndAsadminListEveryMicroContainer() throws Exception {
        Set<String> micro = new java.util.TreeSet<>(workerNames());
        micro.add("web");
        String members = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> stack.compose(Duration.ofSeconds(90), "exec", "-T", "admin", "asadmin", "--user", "admin",
                        "--passwordfile", "/opt/payara/admin.passwordfile", "list-hazelcast-cluster-members"),
                        out -> micro.stream().allMatch(out::contains));
        System.out.println("asadmin list-hazelcast-cluster-members:\n" + members);
        report("5. data grid members (asadmin)", members.lines().skip(1).filter(l -> !l.startsWith("Command"))
                .map(l -> l.split("\\s+")[0]).toList());

        // the console (HTTPS, secure admin) and its REST interface on the published 4848
        HttpClient insecure = HttpClient.newBuilder().sslContext(trustAll()).build();
        URI console = URI.create("https://127.0.0.1:" + (BASE + 48) + "/");
        // the console deploys itself on its first request and answers 202 ("loading") until it has
        HttpResponse<String> page = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> insecure.send(HttpRequest.newBuilder(console).timeout(Duration.ofSeconds(30)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() != 202);
        assertThat(page.statusCode()).as("the admin console answers").isIn(200, 302);
        HttpResponse<String> rest = insecure.send(HttpRequest.newBuilder(
                        console.resolve("/management/domain/list-hazelcast-cluster-members"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").header("X-Requested-By", "taskq")
                .header("Authorization", basic("admin", CONSOLE_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(200);
        micro.forEach(name -> assertThat(rest.body()).as("the console lists " + name).contains(name));
    }

    // ---- 4. kills and restarts under load ----

    @Test
    @Order(5)
    void underLoadAKilledWorkerLosesNoTaskAndCommitsNoneTwice() {
        Container victim = stack.containers("worker").get(0);
        // the other workers take over what it held; it is not started again (step 7 stops the workers anyway)
        Tally tally = underLoad("worker kill", () ->
                stack.docker(Duration.ofSeconds(30), "kill", "-s", "KILL", victim.name()));
        assertThat(tally.kept()).as(tally.toString()).isTrue();
    }

    @Test
    @Order(6)
    void underLoadAKilledRedisStartedAgainLosesNoTaskAndCommitsNoneTwice() {
        Tally tally = underLoad("Redis kill -9 + start", () -> {
            stack.docker(Duration.ofSeconds(30), "kill", "-s", "KILL", stack.containers("redis").get(0).name());
            sleep(Duration.ofSeconds(4));
            stack.compose(Duration.ofMinutes(1), "start", "redis");
            awaitHealthy("redis");
        });
        assertThat(tally.kept()).as(tally.toString()).isTrue();
    }

    @Test
    @Order(7)
    void underLoadARestartedRabbitMqLosesNoTaskAndCommitsNoneTwice() {
        Tally tally = underLoad("RabbitMQ restart", () -> {
            stack.compose(Duration.ofMinutes(2), "restart", "rabbitmq");
            awaitHealthy("rabbitmq");
        });
        assertThat(tally.kept()).as(tally.toString()).isTrue();
        report("2./4. peak RSS per container under load (MiB, sampled every 3 s)", new TreeMap<>(PEAK_RSS));
    }

    // ---- 7. stop and down ----

    @Test
    @Order(8)
    void stoppingTheWorkersFinishesTheTasksInHandAndReturnsTheRestToTheQueueThenDownLeavesNothing() {
        List<String> ids = tasks.submitAll(600, "drain");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasks.records(redis, PREFIX, ids).values().stream().anyMatch(r -> "STARTED".equals(r.state())));
        long began = System.nanoTime();
        stack.compose(Duration.ofMinutes(2), "stop", "worker");
        long stopSeconds = seconds(began);
        Map<String, Record> records = tasks.records(redis, PREFIX, ids);
        Map<String, Long> states = records.values().stream()
                .collect(Collectors.groupingBy(Record::state, TreeMap::new, Collectors.counting()));
        long queued = queueDepth();
        report("7. docker compose stop worker", stopSeconds + " s; states after it " + states + "; queued " + queued);
        assertThat(states).as("no task left half-done").doesNotContainKey("STARTED");
        assertThat(states.getOrDefault("PENDING", 0L)).as("the rest are back in the queue, in RabbitMQ")
                .isPositive().isEqualTo(queued);
        assertThat(records.values().stream().filter(Record::terminal))
                .allSatisfy(r -> assertThat(r.attempts()).as(r.id() + " ran once").isLessThanOrEqualTo(
                        tasks.spec(r.id()).attempts()));

        // one worker back (one JVM start, not three) runs what waited in the queue
        stack.docker(Duration.ofMinutes(1), "start", stack.containers("worker").get(0).name());
        Tally tally = tasks.tally(awaitTerminal(ids));
        report("7. after one worker is started again", tally);
        assertThat(tally.kept()).as(tally.toString()).isTrue();
        assertThat(tally.executedTwice()).isZero();

        down(stack);
    }

    // ---- 6. the multi-host layout of docs/deploy-ec2.md ----

    @Test
    @Order(9)
    void threeHostsWiredOnlyThroughTheirEnvAddressesRunTasksEndToEnd() {
        // each "host" gets an address of its own: the gateway of a network made for it (nothing attaches to it)
        String data = hostAddress(HOST_NETWORKS.get(0), 11);
        String app = hostAddress(HOST_NETWORKS.get(1), 12);
        String workers = hostAddress(HOST_NETWORKS.get(2), 13);
        Map<String, String> common = Map.of("TASKQ_RABBITMQ_HOST", data, "TASKQ_RABBITMQ_PORT", "" + (BASE + 172),
                "TASKQ_REDIS_HOST", data, "TASKQ_REDIS_PORT", "" + (BASE + 179),
                "TASKQ_DAS_HOST", app, "TASKQ_DAS_GRID_PORT", "" + (BASE + 190));
        ComposeProject dataHost = project("taskq-it-data", Map.of("COMPOSE_PROFILES", "broker,cache",
                "TASKQ_RABBITMQ_PUBLISH", data + ":" + (BASE + 172), "TASKQ_RABBITMQ_UI_PORT", "" + (BASE + 115),
                "TASKQ_REDIS_PUBLISH", data + ":" + (BASE + 179)));
        Map<String, String> appEnv = new LinkedHashMap<>(common);
        appEnv.putAll(Map.of("COMPOSE_PROFILES", "web,admin", "TASKQ_WEB_PUBLISH", "127.0.0.1:" + (BASE + 180),
                "TASKQ_CONSOLE_PORT", "" + (BASE + 148), "TASKQ_ADMIN_HTTP_PORT", "" + (BASE + 181),
                "TASKQ_DAS_GRID_PUBLISH", app + ":" + (BASE + 190), "TASKQ_DAS_PUBLIC_ADDRESS", app,
                "TASKQ_WEB_GRID_PUBLISH", app + ":" + (BASE + 169),
                "TASKQ_WEB_GRID_PUBLIC_ADDRESS", app + ":" + (BASE + 169)));
        ComposeProject appHost = project("taskq-it-app", appEnv);
        Map<String, String> workersEnv = new LinkedHashMap<>(common);
        workersEnv.putAll(Map.of("COMPOSE_PROFILES", "worker", "TASKQ_WORKER_REPLICAS", "1",
                "TASKQ_WORKER_NAME", "worker-1", "TASKQ_WORKER_GRID_PUBLISH", workers + ":" + (BASE + 269),
                "TASKQ_WORKER_GRID_PUBLIC_ADDRESS", workers + ":" + (BASE + 269)));
        ComposeProject workersHost = project("taskq-it-workers", workersEnv);

        // the order of docs/deploy-ec2.md: broker and cache, the admin node, then web and the workers
        Map<String, Long> times = new LinkedHashMap<>();
        long began = System.nanoTime();
        upAndAwaitHealthy(dataHost, List.of("rabbitmq", "redis"));
        times.put("data", seconds(began));
        Thread appUp = new Thread(() -> upAndAwaitHealthy(appHost, List.of("admin", "web")), "app-up");
        appUp.start();
        await().atMost(HEALTHY_WITHIN).pollInterval(Duration.ofSeconds(2))
                .until(() -> appHost.containers("admin").stream().anyMatch(Container::healthy));
        times.put("app's admin", seconds(began));
        upAndAwaitHealthy(workersHost, List.of("worker"));
        times.put("workers", seconds(began));
        try {
            appUp.join(HEALTHY_WITHIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(appHost.containers().values()).as("the app host").allMatch(Container::healthy);
        times.put("app", seconds(began));
        report("6. multi-host: healthy after (s, from the first up)", times);

        Tasks hostTasks = new Tasks("http://127.0.0.1:" + (BASE + 180));
        List<String> ids = hostTasks.submitAll(60, "multi-host");
        // the data host publishes Redis on its own address only; the test reads it there too
        JedisPooled store = new JedisPooled(new HostAndPort(data, BASE + 179),
                DefaultJedisClientConfig.builder().password(REDIS_PASSWORD).build());
        Map<String, Record> records = await().atMost(TASKS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> hostTasks.records(store, PREFIX, ids), r -> r.values().stream().allMatch(Record::terminal));
        Tally tally = hostTasks.tally(records);
        Map<String, Long> byRunner = records.values().stream()
                .collect(Collectors.groupingBy(Record::lastRunner, TreeMap::new, Collectors.counting()));
        report("6. multi-host: 60 tasks", tally + ", per instance " + byRunner);
        assertThat(tally.kept()).as(tally.toString()).isTrue();
        assertThat(byRunner).containsOnlyKeys("worker-1");
        String members = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> appHost.compose(Duration.ofSeconds(90), "exec", "-T", "admin", "asadmin", "--user", "admin",
                        "--passwordfile", "/opt/payara/admin.passwordfile", "list-hazelcast-cluster-members"),
                        out -> out.contains("web") && out.contains("worker-1"));
        report("6. multi-host: data grid members", members.lines().skip(1).filter(l -> !l.startsWith("Command"))
                .map(l -> l.split("\\s+")[0] + "@" + l.split("\\s+")[3]).toList());
        store.close();

        for (ComposeProject host : List.of(workersHost, appHost, dataHost)) {
            down(host);
        }
        for (String network : HOST_NETWORKS) {
            stack.docker(Duration.ofSeconds(30), "network", "rm", network);
        }
    }

    // ---- the steps' parts ----

    /** A steady load of mixed tasks with a fault in the middle; every accepted task checked in Redis after it. */
    private Tally underLoad(String fault, Runnable inject) {
        tasks.clearRefused();
        underLoad = true;
        Tasks.Load load = tasks.load(40, fault);
        sleep(Duration.ofSeconds(6));
        long began = System.nanoTime();
        inject.run();
        long faultSeconds = seconds(began);
        sleep(Duration.ofSeconds(6));
        List<String> ids = load.stop();
        underLoad = false;
        Map<String, Record> records;
        try {
            records = awaitTerminal(ids);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            records = tasks.records(redis, PREFIX, ids);
        }
        Tally tally = tasks.tally(records);
        report("4. " + fault, tally + "; fault handled in " + faultSeconds + " s; " + load.submitted()
                + " submissions, not accepted: " + tasks.refused());
        return tally;
    }

    private static Map<String, Record> awaitTerminal(List<String> ids) {
        return await().atMost(TASKS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> tasks.records(redis, PREFIX, ids), r -> r.values().stream().allMatch(Record::terminal));
    }

    /** {@code up -d} in the background, the time from its start until each container is healthy (s, by name). */
    private static Map<String, Long> upAndAwaitHealthy(ComposeProject project, List<String> services) {
        long began = System.nanoTime();
        List<Throwable> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread up = new Thread(() -> {
            try {
                project.compose(Duration.ofMinutes(10), "up", "-d", "--no-build");
            } catch (Throwable e) {
                failed.add(e);
            }
        }, "up");
        up.start();
        Map<String, Long> healthy = new TreeMap<>();
        long deadline = began + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!failed.isEmpty()) {
                throw new AssertionError(project.name() + ": up -d failed", failed.get(0));
            }
            Map<String, Container> containers = project.containers();
            containers.values().stream().filter(Container::healthy)
                    .forEach(c -> healthy.putIfAbsent(c.name().replace(project.name() + "-", ""), seconds(began)));
            boolean all = !containers.isEmpty() && containers.values().stream().allMatch(Container::healthy)
                    && containers.values().stream().map(Container::service).collect(Collectors.toSet())
                            .containsAll(services);
            if (all && !up.isAlive()) {
                return healthy;
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError(project.name() + ": not every service healthy within " + HEALTHY_WITHIN + ": "
                + project.containers().values() + "; healthy so far " + healthy + "; logs in " + WORK);
    }

    private static void awaitHealthy(String service) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stack.containers(service).stream().allMatch(Container::healthy));
    }

    /** The instance names of the running workers: worker-<host name> (TASKQ_WORKER_NAME is empty on one host). */
    private static Set<String> workerNames() {
        return stack.containers("worker").stream().map(c -> "worker-" + c.hostName())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static long queueDepth() {
        String out = stack.compose(Duration.ofMinutes(1), "exec", "-T", "rabbitmq", "rabbitmqctl", "-q",
                "list_queues", "name", "messages");
        return out.lines().map(l -> l.strip().split("\\s+")).filter(f -> f.length == 2 && f[0].equals("taskq.tasks"))
                .mapToLong(f -> Long.parseLong(f[1])).sum();
    }

    private static void sampleRss() {
        try {
            if (stack == null || !underLoad) {
                return;
            }
            for (Container c : stack.containers().values()) {
                if (c.state().equals("running")) {
                    String key = c.name().replace(stack.name() + "-", "");
                    PEAK_RSS.merge(key, Math.round(stack.rssMiB(c.name()) * 10) / 10.0, Math::max);
                }
            }
        } catch (RuntimeException | AssertionError e) {
            // a container going away between ps and top; the next sample has it
        }
    }

    /** The gateway address of a network made for one simulated host (10.213.N.1), made anew. */
    private static String hostAddress(String network, int n) {
        ComposeProject.run(List.of("docker", "network", "rm", network), Duration.ofSeconds(30), null);
        stack.docker(Duration.ofSeconds(30), "network", "create", "--subnet", "10.213." + n + ".0/24",
                "--label", "dev.taskq.test=ComposeStackIT", network);
        return "10.213." + n + ".1";
    }

    /** A project with the test's .env: every credential, the test images, the stack's loopback ports. */
    private static ComposeProject project(String name, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMPOSE_PROFILES", "all");
        env.put("TASKQ_RABBITMQ_USERNAME", "taskq");
        env.put("TASKQ_RABBITMQ_PASSWORD", "compose-it-rabbit");
        env.put("TASKQ_REDIS_PASSWORD", REDIS_PASSWORD);
        env.put("TASKQ_ADMIN_PASSWORD", CONSOLE_PASSWORD);
        env.put("TASKQ_ADMIN_PASSWORD_HASH", dashboardHash());
        // one data grid name for the projects of one layout, as every host of docs/deploy-ec2.md has one .env
        env.put("TASKQ_CLUSTER_NAME", "taskq-compose-it");
        env.put("TASKQ_BASE_IMAGE", "taskq-test/debian:bookworm");
        env.put("TASKQ_RABBITMQ_IMAGE", "taskq-test/rabbitmq:latest");
        env.put("TASKQ_REDIS_IMAGE", "taskq-test/redis:latest");
        env.put("TASKQ_IMAGE_TAG", "compose-it");
        env.put("TASKQ_WEB_PUBLISH", "127.0.0.1:" + (BASE + 80));
        env.put("TASKQ_RABBITMQ_PUBLISH", "127.0.0.1:" + (BASE + 72));
        env.put("TASKQ_RABBITMQ_UI_PORT", "" + (BASE + 15));
        env.put("TASKQ_REDIS_PUBLISH", "127.0.0.1:" + (BASE + 79));
        env.put("TASKQ_CONSOLE_PORT", "" + (BASE + 48));
        env.put("TASKQ_ADMIN_HTTP_PORT", "" + (BASE + 81));
        // short work and retry pauses: the load tests keep tasks in hand without making the run long
        env.put("TASKQ_WORK_DELAY_MS", "200");
        env.put("TASKQ_RETRY_DELAY_MS", "300");
        env.putAll(overrides);
        ComposeProject project = new ComposeProject(name, REPO, WORK.resolve(name), env);
        PROJECTS.add(project);
        // what an aborted earlier run may have left
        project.composeResult(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        return project;
    }

    private static String dashboardHash;

    /** The dashboard's hash, made as docs/deploy.md says: payara-config/password-hash.sh, the password on stdin. */
    private static synchronized String dashboardHash() {
        if (dashboardHash == null) {
            try {
                Process p = new ProcessBuilder(REPO.resolve("payara-config/password-hash.sh").toString(), "--stdin")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getOutputStream().write((DASHBOARD_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(p.waitFor()).isZero();
                assertThat(out).as("only the hash").matches("PBKDF2WithHmacSHA256:\\d+:[^:\\s]+:[^:\\s]+");
                dashboardHash = out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return dashboardHash;
    }

    /** down -v, then nothing of the project is left: no container, network or volume. */
    private static void down(ComposeProject project) {
        project.compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        String label = "label=com.docker.compose.project=" + project.name();
        Map<String, String> left = new LinkedHashMap<>();
        left.put("containers", project.docker(Duration.ofSeconds(30), "ps", "-a", "-q", "--filter", label).strip());
        left.put("networks", project.docker(Duration.ofSeconds(30), "network", "ls", "-q", "--filter", label).strip());
        left.put("volumes", project.docker(Duration.ofSeconds(30), "volume", "ls", "-q", "--filter", label).strip());
        report("down -v " + project.name() + ": left", left.values().stream().allMatch(String::isEmpty) ? "nothing" : left);
        assertThat(left).as(project.name() + " after down -v").allSatisfy((kind, ids) -> assertThat(ids).isEmpty());
    }

    private static void downAll() {
        for (ComposeProject project : PROJECTS) {
            project.composeResult(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        }
        for (String network : HOST_NETWORKS) {
            ComposeProject.run(List.of("docker", "network", "rm", network), Duration.ofSeconds(30), null);
        }
    }

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The console's certificate is the domain's self-signed one. */
    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    private static void report(String key, Object value) {
        REPORT.put(key, value);
        System.out.println("[ComposeStackIT] " + key + ": " + value);
    }

    private static long seconds(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

}

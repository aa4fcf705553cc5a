package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.taskq.it.duplicate.SecondReverseTask;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments of task kinds, with Payara Micro instances this test owns. A kind's own queue, as with Celery's
 * {@code -Q}: two Payara Micro instances this test owns, one consuming only
 * the default queue ({@code taskq.queues=default}), the other only the queue "slow" of the test kind {@code it-slow}
 * ({@code taskq.queues=slow}, 2 consumers). Each kind runs only where its queue is consumed, and a backlog on "slow"
 * does not hold up the default queue. And two kinds of one name fail the deployment, naming both classes.
 */
class QueuesIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);
    private static final String QUEUE = "taskq.queues-it.tasks";

    private static MicroInstances instances;

    @BeforeAll
    static void exportTheWarWithTheTestKinds() throws IOException {
        instances = new MicroInstances("queues-it", QUEUE, "taskq-queues-it", "taskq.work.delay-ms=0");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        instances.close();
    }

    @Test
    void eachKindRunsWhereItsQueueIsConsumedAndASlowBacklogHoldsUpNoOtherQueue() throws Exception {
        TaskqClient main = instances.start("queues-it-default", "taskq.queues=default").client();
        String early = main.submit("{\"type\":\"it-slow\",\"workMs\":100}");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> main.task(early).getString("state").equals("PENDING"));

        TaskqClient slow = instances.start("queues-it-slow", "taskq.queues=slow",
                "taskq.queues.slow.concurrency=2").client();
        assertThat(ranOn(awaitState(main, early, "SUCCESS"))).containsOnly("queues-it-slow");

        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backlog.add(slow.submit("{\"type\":\"it-slow\",\"workMs\":2000}"));
        }
        long start = System.nanoTime();
        List<String> quick = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            quick.add(main.submit("{\"type\":\"reverse\",\"text\":\"abc" + i + "\"}"));
        }
        for (String id : quick) {
            assertThat(ranOn(awaitState(main, id, "SUCCESS"))).containsOnly("queues-it-default");
        }
        Duration quickTook = Duration.ofNanos(System.nanoTime() - start);
        long slowUnfinished = backlog.stream().filter(id -> !main.task(id).getString("state").equals("SUCCESS"))
                .count();
        assertThat(quickTook).as("the default queue's tasks did not wait for the slow backlog")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(slowUnfinished).as("the slow queue still had a backlog when they were done").isGreaterThan(3);

        for (String id : backlog) {
            assertThat(ranOn(awaitState(slow, id, "SUCCESS"))).containsOnly("queues-it-slow");
        }
    }

    @Test
    void aDeploymentWithTwoKindsOfTheSameNameFailsSayingWhich() throws Exception {
        Path withDuplicate = instances.work().resolve("taskq-duplicate.war");
        DeployedTaskq.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "duplicate.jar")
                        .addPackage(SecondReverseTask.class.getPackage())
                        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml"))
                .as(ZipExporter.class).exportTo(withDuplicate.toFile(), true);
        MicroInstances.Instance instance = instances.launch("queues-it-duplicate", withDuplicate);
        String expected = "two task handlers are named 'reverse': [dev.taskq.it.duplicate.SecondReverseTask,"
                + " dev.taskq.kinds.ReverseTask]";
        await().atMost(MicroInstances.START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> instance.logText().contains(expected) || !instance.process().isAlive());
        assertThat(instance.logText()).contains(expected);
    }

    private static List<String> ranOn(JsonObject task) {
        return task.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("state").equals("STARTED")).map(e -> e.getString("instance")).toList();
    }

    private static JsonObject awaitState(TaskqClient client, String id, String state) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> client.task(id), t -> t.getString("state").equals(state));
    }
}

package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.taskq.it.TaskqClient.Answer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator dashboard and its admin API as an operator sees them, on the real Payara Micro with the real
 * RabbitMQ and Redis: the login, every task listed with counts and filters, cancel / requeue / delete, the
 * instances and queues, the metrics moving, the OpenAPI description — and in a real browser (headless Chromium):
 * log in, find a finished task, open it, requeue a failed one; watch a running task's progress and log, revoke it
 * while it runs; every queue of the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

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
    void theDashboardAndTheAdminApiNeedTheOperatorsLoginButSubmittingDoesNot() {
        String id = client.submit("{\"type\":\"reverse\",\"text\":\"open to all\"}");

        Answer anonymous = client.get("api/admin/tasks");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().getInt("status")).isEqualTo(401);
        assertThat(new Operator(client, Operator.USER, "not-the-password").get("api/admin/tasks").status())
                .isEqualTo(401);
        assertThat(client.post("api/admin/tasks/" + id + "/cancel", "application/json", "").status())
                .isEqualTo(401);
        assertThat(client.send(HttpRequest.newBuilder(client.uri("api/admin/tasks/" + id)).DELETE()).status())
                .isEqualTo(401);
        assertThat(client.task(id).getString("state")).as("the actions above changed nothing")
                .isNotEqualTo("REVOKED");

        Answer page = client.get("dashboard/index.xhtml");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login.xhtml?next=%2Fdashboard%2Findex.xhtml");
        assertThat(operator.get("dashboard/index.xhtml").status()).isEqualTo(200);
    }

    @Test
    void everyTaskIsListedWithCountsPerStateAndCanBeFilteredAndFoundById() {
        String reverse = client.submit("{\"type\":\"reverse\",\"text\":\"listed\"}");
        String sentiment = client.submit("{\"type\":\"sentiment\",\"text\":\"a good list\"}");
        awaitState(reverse, "SUCCESS");
        awaitState(sentiment, "SUCCESS");

        JsonObject all = operator.get("api/admin/tasks?limit=100").json();
        assertThat(ids(all)).contains(reverse, sentiment);
        assertThat(ids(all).indexOf(sentiment)).as("newest first").isLessThan(ids(all).indexOf(reverse));
        assertThat(all.getJsonObject("counts").getInt("SUCCESS")).isGreaterThanOrEqualTo(2);
        assertThat(all.getJsonNumber("total").longValue()).as("all tasks, counted per state")
                .isEqualTo(all.getJsonObject("counts").values().stream()
                        .mapToLong(v -> ((JsonNumber) v).longValue()).sum());

        JsonObject sentiments = operator.get("api/admin/tasks?state=SUCCESS&kind=sentiment&limit=100").json();
        assertThat(ids(sentiments)).contains(sentiment).doesNotContain(reverse);
        assertThat(sentiments.getJsonArray("tasks").getValuesAs(JsonObject.class))
                .allMatch(t -> t.getString("type").equals("sentiment") && t.getString("state").equals("SUCCESS"));

        JsonObject found = operator.get("api/admin/tasks?id=" + reverse.substring(0, 13)).json();
        assertThat(ids(found)).containsExactly(reverse);
        JsonObject listed = found.getJsonArray("tasks").getJsonObject(0);
        assertThat(listed.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("instance")).containsOnly("micro-it");

        JsonObject oldestFirst = operator.get("api/admin/tasks?order=oldest&limit=1").json();
        assertThat(ids(oldestFirst)).doesNotContain(sentiment);
        assertThat(operator.get("api/admin/tasks?state=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aCancelledTaskIsNeverRunAndItsCancellationIsCounted() {
        double revokedBefore = client.metric("taskq_tasks_finished_total", "state=\"REVOKED\"");
        // keep the four workers busy for a while, so that the next task waits in the queue
        List<String> ahead = IntStream.range(0, 12)
                .mapToObj(i -> client.submit("{\"type\":\"reverse\",\"text\":\"ahead " + i + "\"}")).toList();
        String id = client.submit("{\"type\":\"reverse\",\"text\":\"never run me\"}");

        Answer cancelled = operator.post("api/admin/tasks/" + id + "/cancel");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("REVOKED");
        ahead.forEach(t -> awaitState(t, "SUCCESS"));
        JsonObject task = client.task(id);
        assertThat(task.getString("state")).isEqualTo("REVOKED");
        assertThat(task.getInt("attempts")).isZero();
        assertThat(task.get("result")).isEqualTo(JsonValue.NULL);
        assertThat(states(task)).containsExactly("PENDING", "REVOKED");
        assertThat(task.getJsonArray("history").getJsonObject(1).getString("detail"))
                .isEqualTo("cancelled by admin");
        assertThat(client.metric("taskq_tasks_finished_total", "state=\"REVOKED\"")).isEqualTo(revokedBefore + 1);

        Answer again = operator.post("api/admin/tasks/" + id + "/cancel");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().getString("detail")).contains("REVOKED", "only SCHEDULED or PENDING");
        assertThat(operator.post("api/admin/tasks/" + ahead.get(0) + "/cancel").status()).isEqualTo(409);
        assertThat(operator.post("api/admin/tasks/00000000-0000-0000-0000-000000000000/cancel").status())
                .isEqualTo(404);
    }

    @Test
    void aRequeuedTaskRunsAgainKeepingItsHistoryAndAFinishedTaskCanBeDeleted() {
        double retriesBefore = client.metric("ft_retry_retries_total", "TaskAttempts.run");
        double processedBefore = client.metric("taskq_task_processing_ms_count");
        String failing = client.submit("{\"type\":\"email\",\"recipient\":\"fail@example.com\",\"subject\":\"again\"}");
        awaitState(failing, "FAILURE");
        assertThat(operator.post("api/admin/tasks/" + failing + "/cancel").status()).isEqualTo(409);

        Answer requeued = operator.post("api/admin/tasks/" + failing + "/requeue");

        assertThat(requeued.status()).as(requeued.body()).isEqualTo(202);
        assertThat(requeued.json().getString("state")).isIn("PENDING", "STARTED");
        JsonObject task = awaitState(failing, "FAILURE");
        assertThat(states(task)).containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED",
                "RETRY", "STARTED", "FAILURE", "PENDING", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED", "RETRY",
                "STARTED", "FAILURE");
        assertThat(task.getJsonArray("history").getJsonObject(9).getString("detail"))
                .isEqualTo("requeued by admin");
        assertThat(task.getInt("attempts")).as("attempts of the second run").isEqualTo(4);
        assertThat(client.metric("ft_retry_retries_total", "TaskAttempts.run")).as("@Retry's own metric")
                .isGreaterThanOrEqualTo(retriesBefore + 6);
        assertThat(client.metric("taskq_task_processing_ms_count")).isEqualTo(processedBefore + 2);
        assertThat(client.metric("taskq_tasks_requeued_total")).isGreaterThanOrEqualTo(1);

        String done = client.submit("{\"type\":\"reverse\",\"text\":\"delete me\"}");
        assertThat(operator.post("api/admin/tasks/" + awaitId(done) + "/requeue").status()).isEqualTo(409);
        assertThat(operator.delete("api/admin/tasks/" + done).status()).isEqualTo(204);
        assertThat(client.get("api/tasks/" + done).status()).isEqualTo(404);
        assertThat(ids(operator.get("api/admin/tasks?id=" + done).json())).isEmpty();
        assertThat(operator.delete("api/admin/tasks/" + done).status()).isEqualTo(404);
    }

    @Test
    void theInstanceTheQueuesTheMetricsTheHealthAndTheApiDescriptionAreThere() {
        JsonObject self = await().atMost(PAGE_TIMEOUT).until(() -> findWorker("micro-it"), w -> w != null);
        assertThat(self.getBoolean("online")).isTrue();
        assertThat(self.getInt("pool_size")).isEqualTo(4);

        List<JsonObject> queues = operator.get("api/admin/queues").jsonArray().getValuesAs(JsonObject.class);
        String queue = System.getProperty("taskq.it.queue");
        assertThat(queues).as("the default queue, the example's queue \"cpu\", it-slow's queue \"slow\", the dead letters")
                .extracting(q -> q.getString("name"), q -> q.getString("role"))
                .containsExactly(tuple(queue, "tasks"), tuple(queue + ".cpu", "tasks"),
                        tuple(queue + ".slow", "tasks"), tuple(queue + ".dead", "dead letters"));
        assertThat(queues.subList(0, 3)).as("this instance consumes every kind's queue (taskq.queues=all)")
                .allSatisfy(q -> assertThat(q.getInt("consumers")).isGreaterThanOrEqualTo(4));

        String metrics = client.send(HttpRequest.newBuilder(client.uri("/metrics")).header("Accept", "text/plain")
                .GET()).body();
        assertThat(metrics).contains("taskq_workers_busy", "taskq_tasks_submitted_total{kind=",
                "taskq_task_latency_ms_count", "ft_retry_calls_total");
        assertThat(metrics).as("Fault Tolerance intercepts taskq's methods, not its own interceptor's"
                + " (FaultToleranceInterceptorFix)").doesNotContain("FaultToleranceInterceptor");

        assertThat(client.get("/health/live").status()).isEqualTo(200);
        Answer ready = client.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"rabbitmq\":\"UP\"", "\"redis\":\"UP\"");

        String openapi = client.get("/openapi").body();
        assertThat(openapi).contains("/api/tasks:", "/api/admin/tasks/{id}/requeue:", "/api/admin/tasks/{id}/cancel:",
                "application/problem+json", "\"409\"", "basicAuth", "examples:");
        Answer docs = client.get("api-docs.xhtml");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui-bundle.js");
    }

    @Test
    void inTheBrowserTheOperatorLogsInFindsAFinishedTaskOpensItAndRequeuesAFailedOne() throws Exception {
        String finished = client.submit("{\"type\":\"sentiment\",\"text\":\"good to see\"}");
        String failed = client.submit("{\"type\":\"email\",\"recipient\":\"fail@example.org\",\"subject\":\"b\"}");
        awaitState(finished, "SUCCESS");
        awaitState(failed, "FAILURE");

        try (Browser browser = new Browser()) {
            ChromeDriver driver = browser.driver();
            driver.get(client.uri("dashboard/tasks.xhtml").toString());
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("/login.xhtml"));
            driver.findElement(By.id("login:username")).sendKeys(Operator.USER);
            driver.findElement(By.id("login:password")).sendKeys("wrong");
            driver.findElement(By.id("login:submit")).click();
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getPageSource().contains("Wrong user name or password"));
            driver.findElement(By.id("login:username")).clear();
            driver.findElement(By.id("login:username")).sendKeys(Operator.USER);
            driver.findElement(By.id("login:password")).sendKeys(Operator.PASSWORD);
            driver.findElement(By.id("login:submit")).click();
            By finishedRow = By.cssSelector("tr[data-task-id='" + finished + "']");
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("/dashboard/tasks.xhtml")
                    && !d.findElements(finishedRow).isEmpty());

            // the list may be rendered again while it is read: each read and click is tried on a fresh row
            String finishedState = stable(driver, d -> d.findElement(finishedRow).getAttribute("data-state"));
            assertThat(finishedState).isEqualTo("SUCCESS");
            String outcome = stable(driver, d -> d.findElement(finishedRow)
                    .findElement(By.cssSelector(".task-outcome")).getText());
            assertThat(outcome).isEqualTo("positive");
            stable(driver, d -> {
                d.findElement(finishedRow).findElement(By.cssSelector("th a")).click();
                return true;
            });
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("task.xhtml?id=" + finished)
                    && !d.findElements(By.id("state-badge")).isEmpty());
            assertThat(driver.findElement(By.id("state-badge")).getText()).isEqualTo("SUCCESS");
            List<String> instances = stable(driver, d -> d.findElements(By.cssSelector(
                    ".task-attempts .attempt-instance")).stream().map(WebElement::getText).toList());
            assertThat(instances).containsExactly("micro-it");
            assertThat(driver.findElements(By.id("actions:requeue"))).as("no requeue for a success").isEmpty();

            driver.get(client.uri("dashboard/tasks.xhtml?state=FAILURE&id=" + failed).toString());
            driver.findElement(By.cssSelector("tr[data-task-id='" + failed + "'] th a")).click();
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("task.xhtml?id=" + failed)
                    && !d.findElements(By.id("actions:requeue")).isEmpty());
            driver.findElement(By.id("actions:requeue")).click();
            new WebDriverWait(driver, TASK_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(".task-attempts tr[data-run='2'][data-outcome='FAILURE']"))
                            .size() == 1);
            assertThat(driver.findElements(By.cssSelector(".task-attempts tbody tr"))).hasSize(8);
            assertThat(driver.findElement(By.id("state-badge")).getText()).isEqualTo("FAILURE");

            driver.get(client.uri("dashboard/index.xhtml").toString());
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("throughput-chart"))
                    .getAttribute("data-updated") != null);
            String online = stable(driver, d -> d.findElement(By.cssSelector("tr[data-worker='micro-it']"))
                    .getAttribute("data-online"));
            assertThat(online).isEqualTo("true");
            Path shot = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots")),
                    "dashboard.png");
            assertThat(Files.size(shot)).isPositive();
        }
    }

    @Test
    void inTheBrowserTheOperatorWatchesACountingTaskRunSeesEveryQueueAndRevokesTheTaskWhileItRuns() throws Exception {
        String id = client.submit("{\"type\":\"it-count\",\"label\":\"goats\",\"steps\":50,\"stepMs\":400}");

        try (Browser browser = new Browser()) {
            ChromeDriver driver = browser.driver();
            logIn(driver, client.uri("dashboard/tasks.xhtml?kind=it-count").toString());

            @SuppressWarnings("unchecked")
            List<String> kinds = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'#filter-kind option')).map(function (o) { return o.value; })");
            assertThat(kinds).as("the kind filter: the registry's kinds").containsExactly("", "digest", "email",
                    "it-count", "it-flaky", "it-sleepy", "it-slow", "reverse", "sentiment");
            assertThat(driver.findElement(By.cssSelector("#filter-kind option[value='it-count']")).getText())
                    .isEqualTo("Count slowly (it-count)");

            // the list refreshes itself: the running task's bar moves without a reload
            driver.executeScript("window.taskqSamePage = true");
            By progress = By.cssSelector("#tasks tr[data-task-id='" + id + "'] .progress-text");
            String first = new WebDriverWait(driver, TASK_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(progress).stream().map(WebElement::getText).findFirst().orElse(null));
            assertThat(first).matches("\\d+% · step \\d+ of 50");
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElement(progress).getText().equals(first));
            assertThat(driver.executeScript("return window.taskqSamePage === true")).as("no reload").isEqualTo(true);
            // the list is rendered again at each report of the running task: an element found may be replaced
            // before it is read or clicked, so each read and click is tried again on a fresh one
            By badge = By.cssSelector("#tasks tr[data-task-id='" + id + "'] .state-badge");
            String listed = stable(driver, d -> d.findElement(badge).getText());
            assertThat(listed).isEqualTo("STARTED");

            // its page: the bar and the log move on while it runs
            stable(driver, d -> {
                d.findElement(By.cssSelector("#tasks tr[data-task-id='" + id + "'] th a")).click();
                return true;
            });
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("task.xhtml?id=" + id)
                    && !d.findElements(By.id("state-badge")).isEmpty());
            int lines = new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        int n = d.findElements(By.cssSelector("#details .log-line")).size();
                        return n >= 1 ? n : null;
                    });
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("#details .log-line")).size() > lines);
            String firstLine = stable(driver, d -> d.findElements(By.cssSelector("#details .log-line")).get(0).getText());
            assertThat(firstLine).isEqualTo("goats 1");
            @SuppressWarnings("unchecked")
            Map<String, String> bar = (Map<String, String>) driver.executeScript("var bar = document.querySelector("
                    + "'#details [role=progressbar]'); return {now: bar.getAttribute('aria-valuenow'),"
                    + " text: bar.getAttribute('aria-valuetext')};");
            assertThat(Integer.parseInt(bar.get("now"))).isBetween(1, 99);
            assertThat(bar.get("text")).matches("\\d+% · step \\d+ of 50");
            String detailsBadge = stable(driver, d -> d.findElement(By.id("state-badge")).getText());
            assertThat(detailsBadge).isEqualTo("STARTED");

            // revoke it while it runs
            String cancelTitle = stable(driver, d -> d.findElement(By.id("actions:cancel")).getAttribute("title"));
            assertThat(cancelTitle).startsWith("Revoke");
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.id("actions:cancel")).click(); // the page re-renders itself each second
                return true;
            });
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("state-badge")).getText().equals("REVOKED"));
            String notice = stable(driver, d -> d.findElement(By.id("actions:messages")).getText());
            assertThat(notice).startsWith("Task revoked: its handler was told to stop");
            assertThat(driver.findElements(By.id("actions:cancel"))).as("no cancel for a revoked task").isEmpty();
            List<String> log = new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        List<String> shown = d.findElements(By.cssSelector("#details .log-line")).stream()
                                .map(WebElement::getText).toList();
                        return shown.contains("saw cancelled") ? shown : null;
                    });
            System.out.println("log of the revoked task: " + log);
            assertThat(log).last().isEqualTo("saw cancelled");
            assertThat(log.subList(0, log.size() - 1)).allMatch(l -> l.matches("goats \\d+"));
            assertThat(log.size() - 1).as("steps counted before it stopped").isLessThan(50);
            String barClass = stable(driver, d -> d.findElement(By.cssSelector("#details .progress-bar"))
                    .getAttribute("class"));
            assertThat(barClass).doesNotContain("progress-bar-animated");
            List<String> steps = stable(driver, d -> d.findElements(By.cssSelector(
                    ".task-history tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList());
            assertThat(steps).containsExactly("PENDING", "STARTED", "REVOKED");
            Path shot = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots")),
                    "dashboard-task-revoked.png");
            assertThat(Files.size(shot)).isPositive();

            JsonObject task = client.task(id);
            assertThat(task.getString("state")).isEqualTo("REVOKED");
            assertThat(task.get("result")).as("nothing the handler returned is kept").isEqualTo(JsonValue.NULL);
            assertThat(task.getInt("attempts")).isEqualTo(1);

            // every queue of the deployment, with the kinds that wait on it
            driver.get(client.uri("dashboard/index.xhtml").toString());
            String queue = System.getProperty("taskq.it.queue");
            @SuppressWarnings("unchecked")
            List<String> queues = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'table.queues tbody tr')).map(function (r) { return r.dataset.queue + ' | '"
                    + " + r.querySelector('.queue-role').innerText.trim(); })");
            assertThat(queues).containsExactly(
                    queue + " | default: email, it-count, it-flaky, it-sleepy, reverse, sentiment",
                    queue + ".cpu | cpu: digest",
                    queue + ".slow | slow: it-slow",
                    queue + ".dead | dead letters");
            String consumers = stable(driver, d -> d.findElement(By.cssSelector("tr[data-queue='" + queue
                    + ".slow'] .queue-consumers")).getText());
            assertThat(consumers).as("consumed here").matches("[1-9]\\d*");
            Path overview = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots",
                    "target/screenshots")), "dashboard-queues.png");
            assertThat(Files.size(overview)).isPositive();
        }
    }

    @Test
    void aScheduleWithABadCronIsRefusedNamingTheField() {
        Answer refused = operator.postJson("api/admin/schedules", "{\"id\":\"it-bad-cron-" + shortId()
                + "\",\"cron\":\"61 * * * *\",\"type\":\"reverse\",\"input\":{\"text\":\"never\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains("cron");
    }

    @Test
    void inTheBrowserTheOperatorWatchesAScheduleFireThenPausesResumesTriggersAndDeletesIt() throws Exception {
        String id = "it-every-2s-" + shortId();
        Answer created = operator.postJson("api/admin/schedules", "{\"id\":\"" + id + "\",\"name\":\"Reverse "
                + "every 2 s\",\"cron\":\"*/2 * * * * *\",\"zone\":\"UTC\",\"type\":\"reverse\","
                + "\"input\":{\"text\":\"tick\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        By card = By.cssSelector("section.schedule[data-schedule-id='" + id + "']");
        try (Browser browser = new Browser()) {
            ChromeDriver driver = browser.driver();
            logIn(driver, client.uri("dashboard/tasks.xhtml").toString());
            driver.findElement(By.linkText("Schedules")).click();
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("/dashboard/schedules.xhtml")
                    && !d.findElements(card).isEmpty());
            assertThat(driver.getTitle()).isEqualTo("Schedules · taskq");
            assertThat(inCard(driver, card, ".schedule-name")).isEqualTo("Reverse every 2 s");
            assertThat(inCard(driver, card, ".schedule-cron-words")).isEqualTo("every 2 seconds");
            assertThat(inCard(driver, card, ".schedule-cron")).contains("*/2 * * * * *", "UTC");
            assertThat(inCard(driver, card, ".schedule-kind")).isEqualTo("Reverse text (reverse)");
            assertThat(inCard(driver, card, ".schedule-status")).isEqualTo("enabled");
            assertThat(inCard(driver, card, ".schedule-missed-runs")).startsWith("fire-once");

            // its runs appear by themselves, each with a link to its task, which ends SUCCESS
            String task = new WebDriverWait(driver, TASK_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(card).findElements(By.cssSelector("tr[data-outcome='FIRED']")).stream()
                            .filter(r -> r.findElement(By.cssSelector(".state-badge")).getText().equals("SUCCESS"))
                            .map(r -> r.getAttribute("data-task-id")).findFirst().orElse(null));
            // the page re-renders each second: each read is tried again on a fresh element
            List<String> link = stable(driver, d -> {
                WebElement a = d.findElement(card).findElement(By.cssSelector("tr[data-task-id='" + task
                        + "'] .run-task a"));
                return List.of(a.getAttribute("href"), a.getText());
            });
            assertThat(link.get(0)).contains("task.xhtml?id=" + task);
            assertThat(link.get(1)).isEqualTo(task.substring(0, 8));
            assertThat(client.task(task).getString("state")).isEqualTo("SUCCESS");
            Path shot = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots")),
                    "dashboard-schedules.png");
            assertThat(Files.size(shot)).isPositive();

            // pause: it says so, and no run is added for 5 s
            clickInCard(driver, card, "Pause");
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> inCard(d, card, ".schedule-status").equals("paused"));
            assertThat(notice(driver)).contains("Schedule " + id + " paused");
            assertThat(inCard(driver, card, ".schedule-next-run")).isEqualTo("none while paused");
            int pauseButtons = stable(driver, d -> d.findElement(card).findElements(By.xpath(
                    ".//input[@value='Pause']")).size());
            assertThat(pauseButtons).as("Pause buttons on a paused schedule").isZero();
            Thread.sleep(500); // a slot an instance was firing as the pause came in
            JsonObject paused = operator.get("api/admin/schedules/" + id).json();
            assertThat(paused.getBoolean("enabled")).isFalse();
            Thread.sleep(5000);
            assertThat(slots(operator.get("api/admin/schedules/" + id).json())).as("no run while paused")
                    .isEqualTo(slots(paused)).isNotEmpty();

            // resume, then trigger a run by hand
            clickInCard(driver, card, "Resume");
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> inCard(d, card, ".schedule-status").equals("enabled"));
            assertThat(notice(driver)).contains("Schedule " + id + " resumed");
            clickInCard(driver, card, "Trigger now");
            String triggered = new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(card).findElements(By.cssSelector("tr[data-outcome='TRIGGERED']"))
                            .stream().map(r -> r.getAttribute("data-task-id")).findFirst().orElse(null));
            assertThat(notice(driver)).contains("Schedule " + id + " triggered: task " + triggered);
            awaitState(triggered, "SUCCESS");

            // delete, confirming
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(card).findElement(By.xpath(".//input[@value='Delete']")).click();
                return true;
            });
            new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.alertIsPresent());
            assertThat(driver.switchTo().alert().getText()).startsWith("Delete this schedule");
            driver.switchTo().alert().accept();
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.findElements(card).isEmpty());
            assertThat(notice(driver)).contains("Schedule " + id + " deleted");
            assertThat(operator.get("api/admin/schedules/" + id).status()).isEqualTo(404);
        } finally {
            operator.delete("api/admin/schedules/" + id);
        }
    }

    private static List<String> slots(JsonObject schedule) {
        return schedule.getJsonArray("runs").getValuesAs(JsonObject.class).stream().map(r -> r.getString("slot"))
                .toList();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The text of an element of a schedule's card, read again when the page re-rendered it meanwhile. */
    private static String inCard(WebDriver driver, By card, String css) {
        return new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(card).findElement(By.cssSelector(css)).getText().trim());
    }

    /** The page's notice, read again when the page re-rendered it meanwhile. */
    private static String notice(ChromeDriver driver) {
        return stable(driver, d -> d.findElement(By.id("notice")).getText());
    }

    /** Clicks a schedule's button; the page re-renders each second, so a click that meets the swap is retried. */
    private static void clickInCard(ChromeDriver driver, By card, String button) {
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(card).findElement(By.xpath(".//input[@value='" + button + "']")).click();
            return true;
        });
    }

    /** Opens {@code path} and logs in as the operator on the login page it leads to. */
    private static void logIn(ChromeDriver driver, String page) {
        driver.get(page);
        new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("/login.xhtml"));
        driver.findElement(By.id("login:username")).sendKeys(Operator.USER);
        driver.findElement(By.id("login:password")).sendKeys(Operator.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
    }

    private JsonObject findWorker(String name) {
        return operator.get("api/admin/workers").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("name").equals(name)).findFirst().orElse(null);
    }

    private String awaitId(String id) {
        awaitState(id, "SUCCESS");
        return id;
    }

    private JsonObject awaitState(String id, String state) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> client.task(id), t -> t.getString("state").equals(state));
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("tasks").getValuesAs(JsonObject.class).stream().map(t -> t.getString("task_id"))
                .toList();
    }

    private static List<String> states(JsonObject task) {
        return task.getJsonArray("history").getValuesAs(JsonObject.class).stream().map(e -> e.getString("state"))
                .toList();
    }

    /** What {@code read} finds (or does) on a page that re-renders itself: again when a render replaced the element. */
    private static <T> T stable(ChromeDriver driver, java.util.function.Function<org.openqa.selenium.WebDriver, T> read) {
        return new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(read);
    }
}

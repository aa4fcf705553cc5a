package dev.taskq.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI as a user sees it in a real browser (headless Chromium), on the real Payara Micro with the real
 * RabbitMQ and Redis: fill a form, read the confirmation, watch the task's badge change in the recent-tasks
 * table without reloading, open its details; the form a task kind's input record makes (the test-only kind
 * {@code it-count}), refusing what the API refuses, and that task's progress bar and log lines.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebUiIT {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TASK_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String SUBMITTED_METRIC = "taskq_tasks_submitted_total";
    /**
     * Records, per task id, every badge text and every progress bar value the recent-tasks table ever showed (the
     * table is re-rendered).
     */
    private static final String RECORD_BADGES = """
            window.taskqSeen = {};
            window.taskqProgress = {};
            var record = function () {
                document.querySelectorAll('#recent tr[data-task-id]').forEach(function (row) {
                    var id = row.dataset.taskId, badge = row.querySelector('.state-badge').innerText.trim();
                    var seen = window.taskqSeen[id] || (window.taskqSeen[id] = []);
                    if (seen[seen.length - 1] !== badge) { seen.push(badge); }
                    var bar = row.querySelector('[role=progressbar]');
                    if (bar) {
                        var shown = bar.getAttribute('aria-valuenow') + ' ' + row.querySelector('.progress-text').innerText.trim();
                        var values = window.taskqProgress[id] || (window.taskqProgress[id] = []);
                        if (values[values.length - 1] !== shown) { values.push(shown); }
                    }
                });
            };
            new MutationObserver(record).observe(document.body, {childList: true, subtree: true});
            record();
            """;
    /** What one row of the recent-tasks table shows, or null when there is no row for the task. */
    private static final String READ_ROW = """
            var row = document.querySelector('#recent tr[data-task-id="' + arguments[0] + '"]');
            if (!row) { return null; }
            return {state: row.dataset.state, kind: row.querySelector('th a').innerText.trim(),
                    input: row.querySelector('.task-input').innerText,
                    badge: row.querySelector('.state-badge').innerText.trim(),
                    outcome: row.querySelector('.task-outcome').innerText,
                    progress: (row.querySelector('.progress-text') || {innerText: ''}).innerText.trim()};
            """;

    /** What the details page shows of the task's progress bar and its log. */
    private static final String READ_DETAILS = """
            var bar = document.querySelector('#details [role=progressbar]');
            return {now: bar ? bar.getAttribute('aria-valuenow') : null,
                    progress: (document.querySelector('#details .progress-text') || {innerText: ''}).innerText.trim(),
                    lines: String(document.querySelectorAll('#details .log-line').length)};
            """;
    /** Records every "progress | n lines" the details page showed (it is re-rendered each second). */
    private static final String RECORD_DETAILS = """
            window.taskqDetailsSeen = [];
            var read = function () {
                var text = document.querySelector('#details .progress-text');
                var shown = (text ? text.innerText.trim() : '-') + ' | '
                        + document.querySelectorAll('#details .log-line').length + ' lines';
                var seen = window.taskqDetailsSeen;
                if (seen[seen.length - 1] !== shown) { seen.push(shown); }
            };
            new MutationObserver(read).observe(document.body, {childList: true, subtree: true});
            read();
            """;

    /** Counts the Faces Ajax requests the page makes from now on (window.taskqRenders). */
    private static final String COUNT_RENDERS = """
            window.taskqRenders = 0;
            faces.ajax.addOnEvent(function (data) { if (data.status === 'begin') { window.taskqRenders++; } });
            """;

    private static Browser browser;
    private static URL mainPage;

    @Deployment(testable = false)
    static WebArchive taskq() {
        return DeployedTaskq.war();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver driver;
    private TaskqClient client;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    /** A test artifact (and the README's picture): the main page once the tasks the tests ran have finished. */
    @AfterAll
    static void screenshotTheMainPageAndCloseTheBrowser() {
        if (browser == null) {
            return;
        }
        try {
            if (mainPage == null) {
                return;
            }
            browser.driver().get(mainPage.toString());
            By finishedTasks = By.cssSelector("#recent[data-live='false'] tr[data-task-id]");
            new WebDriverWait(browser.driver(), TASK_TIMEOUT).until(d -> !d.findElements(finishedTasks).isEmpty());
            Path shot = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots")),
                    "ui.png");
            System.out.println("screenshot of the main page: " + shot.toAbsolutePath());
        } finally {
            browser.close();
        }
    }

    @BeforeEach
    void openTheMainPage() {
        client = new TaskqClient(Browser.openable(base));
        mainPage = Browser.openable(base);
        driver = browser.driver();
        open("");
        assertThat(driver.getTitle()).isEqualTo("Submit a task · taskq");
        driver.executeScript(RECORD_BADGES);
        driver.executeScript("window.taskqSamePage = true");
    }

    @Test
    void eachFormRunsItsTaskAndTheResultAppearsWithoutReloadingThePage() {
        String email = submit("email", Map.of("recipient", "ada@example.com", "subject", "Hello", "body", "Hi Ada"));
        String reverse = submit("reverse", Map.of("text", "héllo wörld"));
        String sentiment = submit("sentiment", Map.of("text", "What a GOOD day"));

        assertThat(awaitEnd(email)).containsEntry("badge", "SUCCESS").containsEntry("kind", "Send email")
                .containsEntry("input", "ada@example.com · Hello")
                .containsEntry("outcome", "Email sent to ada@example.com (subject: Hello)");
        assertThat(awaitEnd(reverse)).containsEntry("badge", "SUCCESS").containsEntry("kind", "Reverse text")
                .containsEntry("outcome", "dlröw olléh");
        assertThat(awaitEnd(sentiment)).containsEntry("badge", "SUCCESS").containsEntry("kind", "Sentiment")
                .containsEntry("outcome", "positive");

        assertThat(driver.executeScript("return window.taskqSamePage === true")).as("page never reloaded")
                .isEqualTo(true);
        assertThat(badgesSeen(reverse)).as("badges the reverse task showed").endsWith("SUCCESS")
                .isSubsetOf("PENDING", "STARTED", "SUCCESS");
        List<String> rows = rowIds();
        assertThat(rows.indexOf(sentiment)).as("newest first").isLessThan(rows.indexOf(reverse));
        assertThat(rows.indexOf(reverse)).isLessThan(rows.indexOf(email));
        assertThat(badgeContrast(email)).as("contrast of the SUCCESS badge").isGreaterThanOrEqualTo(4.5);

    }

    @Test
    void anEmailToAFailingRecipientShowsItsRetriesThenFailureAndItsDetailsTellTheStory() {
        String id = submit("email", Map.of("recipient", "fail@example.com", "subject", "Retry me"));

        Map<String, String> row = awaitEnd(id);

        assertThat(row).containsEntry("state", "FAILURE").containsEntry("badge", "FAILURE")
                .containsEntry("outcome", "could not deliver email to fail@example.com");
        List<String> seen = badgesSeen(id);
        System.out.println("badges shown by the failing task: " + seen);
        assertThat(seen).as("badges shown while it ran").anyMatch(b -> b.matches("RETRY [123]/3")).last()
                .isEqualTo("FAILURE");
        assertThat(seen).allMatch(b -> b.matches("PENDING|STARTED|RETRY [123]/3|FAILURE"), "a known badge");
        assertThat(badgeContrast(id)).as("contrast of the FAILURE badge").isGreaterThanOrEqualTo(4.5);

        // the table is re-rendered each second: a click that meets the swap (stale, or caught by the new row) is retried
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class).until(d -> {
            clickOn(d.findElement(By.cssSelector("#recent tr[data-task-id='" + id + "'] th a")));
            return true;
        });
        new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> d.getCurrentUrl().contains("task.xhtml?id=" + id));
        assertThat(text("#details h1")).startsWith("Send email").endsWith("FAILURE");
        assertThat(text(".task-input")).contains("fail@example.com", "Retry me");
        assertThat(text(".task-outcome")).contains("4 of at most 4");
        assertThat(text(".task-error")).isEqualTo("could not deliver email to fail@example.com");
        assertThat(driver.findElements(By.cssSelector(".task-history tbody tr td:nth-child(2)")))
                .extracting(WebElement::getText)
                .containsExactly("PENDING", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED", "RETRY", "STARTED",
                        "FAILURE");
    }

    @Test
    void anEmptyTextIsRefusedAtItsFieldAndNothingIsEnqueued() {
        double submittedBefore = client.metric(SUBMITTED_METRIC);
        long recordsBefore = DeployedTaskq.taskRecordCount();
        int rowsBefore = rowIds().size();

        click("reverse:submit");
        assertThat(awaitMessage("reverse:text")).isEqualTo("must not be blank");
        WebElement text = driver.findElement(By.id("reverse:text"));
        assertThat(text.getAttribute("class")).contains("is-invalid");
        assertThat(text.getAttribute("aria-invalid")).isEqualTo("true");

        type("sentiment:text", "   ");
        click("sentiment:submit");
        assertThat(awaitMessage("sentiment:text")).isEqualTo("must not be blank");

        type("email:recipient", "not-an-address");
        click("email:submit");
        assertThat(awaitMessage("email:recipient")).isEqualTo("must be a well-formed email address");
        assertThat(awaitMessage("email:subject")).isEqualTo("must not be blank");
        assertThat(driver.findElement(By.id("email:recipient")).getAttribute("value")).as("input kept")
                .isEqualTo("not-an-address");

        for (String form : List.of("email", "reverse", "sentiment")) {
            assertThat(driver.findElement(By.id(form + ":notice")).getText()).as("confirmation of " + form)
                    .isEmpty();
        }
        assertThat(rowIds()).as("recent tasks").hasSize(rowsBefore);
        assertThat(client.metric(SUBMITTED_METRIC)).as("tasks enqueued").isEqualTo(submittedBefore);
        assertThat(DeployedTaskq.taskRecordCount()).as("task records in Redis").isEqualTo(recordsBefore);

        String fixed = submit("reverse", Map.of("text", "now it is fine"));
        assertThat(driver.findElement(By.id("reverse:text-message")).getText()).as("message gone").isEmpty();
        assertThat(awaitEnd(fixed)).containsEntry("outcome", "enif si ti won");
    }

    @Test
    void whatUsersTypeIsShownAsTextNeverRunAsMarkup() {
        String payload = "<script>window.taskqXss=1</script>\"><img src=x onerror=window.taskqXss=2>";
        String id = submit("reverse", Map.of("text", payload));

        Map<String, String> row = awaitEnd(id);

        assertThat(row).containsEntry("input", payload)
                .containsEntry("outcome", new StringBuilder(payload).reverse().toString());
        assertThat(driver.findElements(By.cssSelector("#recent img, #recent script"))).isEmpty();
        assertThat(driver.executeScript("return typeof window.taskqXss")).isEqualTo("undefined");

        open("task.xhtml?id=" + id);
        assertThat(text(".task-input dd")).isEqualTo(payload);
        assertThat(text(".task-result")).isEqualTo(new StringBuilder(payload).reverse().toString());
        assertThat(driver.findElements(By.cssSelector("#details img, #details script"))).isEmpty();
        assertThat(driver.executeScript("return typeof window.taskqXss")).isEqualTo("undefined");
    }

    @Test
    void aKindsFormIsMadeFromItsInputRecordAndAKindWithoutAUiHasNone() {
        @SuppressWarnings("unchecked")
        List<String> forms = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('section.col form')).map(function (f) { return f.id; })");
        assertThat(forms).as("one form per kind with ui=true, by name").containsExactly("digest", "email",
                "it-count", "reverse", "sentiment");
        for (String hidden : List.of("it-sleepy", "it-flaky", "it-slow")) {
            assertThat(driver.findElements(By.id(hidden))).as("form of the UI-less kind " + hidden).isEmpty();
            assertThat(driver.findElements(By.id(hidden + ":submit"))).isEmpty();
        }

        assertThat(text("#it-count-title")).isEqualTo("Count slowly");
        assertThat(text("#it-count-title + p")).isEqualTo("Counts, reporting each step.");
        assertThat(labelOf("it-count:label")).isEqualTo("What to count (required) *");
        WebElement label = driver.findElement(By.id("it-count:label"));
        assertThat(label.getTagName()).isEqualTo("input");
        assertThat(label.getAttribute("type")).isEqualTo("text");
        assertThat(label.getAttribute("maxlength")).isEqualTo("40");
        assertThat(label.getAttribute("aria-required")).isEqualTo("true");
        assertThat(text("#it-count\\:label-help")).isEqualTo("a word for the log");
        assertThat(label.getAttribute("aria-describedby")).contains("it-count:label-help");
        WebElement steps = driver.findElement(By.id("it-count:steps"));
        assertThat(steps.getAttribute("type")).isEqualTo("number");
        assertThat(steps.getAttribute("min")).isEqualTo("1");
        assertThat(steps.getAttribute("max")).isEqualTo("50");
        assertThat(steps.getAttribute("step")).isEqualTo("1");
        assertThat(steps.getAttribute("maxlength")).as("no maxlength on a number").isNull();
        assertThat(labelOf("it-count:steps")).isEqualTo("Steps (required) *");
        WebElement stepMs = driver.findElement(By.id("it-count:stepMs"));
        assertThat(stepMs.getAttribute("min")).isEqualTo("0");
        assertThat(stepMs.getAttribute("max")).isEqualTo("5000");
        assertThat(labelOf("it-count:stepMs")).isEqualTo("Step ms (required) *");
        assertThat(driver.findElement(By.id("it-count:submit")).getAttribute("value")).isEqualTo("Count slowly");

        assertThat(driver.findElement(By.id("email:body")).getTagName()).isEqualTo("textarea");
        assertThat(driver.findElement(By.id("email:body")).getAttribute("maxlength")).isEqualTo("10000");
        assertThat(driver.findElement(By.id("email:recipient")).getAttribute("type")).isEqualTo("email");
        assertThat(labelOf("email:body")).as("optional: no mark").isEqualTo("Body");
        assertThat(labelOf("reverse:text")).isEqualTo("Text to reverse (required) *");
    }

    @Test
    void theGeneratedFormRefusesWhatTheApiRefusesWithTheSameMessagesAtTheFields() {
        TaskqClient.Answer api = client.postJson("api/tasks",
                "{\"type\":\"it-count\",\"label\":\"\",\"steps\":0,\"stepMs\":10}");
        assertThat(api.status()).as(api.body()).isEqualTo(400);
        Map<String, String> apiErrors = api.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class)
                .stream().collect(java.util.stream.Collectors.toMap(e -> e.getString("field"),
                        e -> e.getString("message")));
        assertThat(apiErrors).containsOnlyKeys("label", "steps");
        double submittedBefore = client.metric(SUBMITTED_METRIC);
        long recordsBefore = DeployedTaskq.taskRecordCount();
        int rowsBefore = rowIds().size();

        type("it-count:label", "");
        type("it-count:steps", "0");
        type("it-count:stepMs", "10");
        click("it-count:submit");

        assertThat(awaitMessage("it-count:label")).as("as the API says").isEqualTo(apiErrors.get("label"))
                .isEqualTo("must not be blank");
        assertThat(awaitMessage("it-count:steps")).isEqualTo(apiErrors.get("steps"))
                .isEqualTo("must be greater than or equal to 1");
        assertThat(driver.findElement(By.id("it-count:stepMs-message")).getText()).isEmpty();
        WebElement steps = driver.findElement(By.id("it-count:steps"));
        assertThat(steps.getAttribute("class")).contains("is-invalid");
        assertThat(steps.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(steps.getAttribute("value")).as("input kept").isEqualTo("0");
        assertThat(driver.findElement(By.id("it-count:notice")).getText()).isEmpty();

        type("it-count:label", "sheep");
        type("it-count:steps", "51");
        click("it-count:submit");
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("it-count:label-message")).getText().isEmpty());
        assertThat(awaitMessage("it-count:steps")).isEqualTo("must be less than or equal to 50");
        TaskqClient.Answer tooMany = client.postJson("api/tasks",
                "{\"type\":\"it-count\",\"label\":\"sheep\",\"steps\":51,\"stepMs\":10}");
        assertThat(tooMany.json().getString("detail")).isEqualTo("steps: must be less than or equal to 50");

        assertThat(rowIds()).as("recent tasks").hasSize(rowsBefore);
        assertThat(client.metric(SUBMITTED_METRIC)).as("tasks enqueued").isEqualTo(submittedBefore);
        assertThat(DeployedTaskq.taskRecordCount()).as("task records in Redis").isEqualTo(recordsBefore);
    }

    @Test
    void aCountingTasksProgressBarMovesInTheTableAndOnItsPageThenItsLogLinesAreThere() {
        String id = submit("it-count", Map.of("label", "sheep", "steps", "8", "stepMs", "700"));

        // the table: the bar appears and moves while it runs
        new WebDriverWait(driver, TASK_TIMEOUT).pollingEvery(Duration.ofMillis(100))
                .until(d -> progressSeen(id).stream().anyMatch(p -> !p.startsWith("100 ")));
        assertThat(row(id)).containsEntry("state", "STARTED");
        WebElement bar = driver.findElement(By.cssSelector("#recent tr[data-task-id='" + id + "'] [role=progressbar]"));
        assertThat(bar.getAttribute("aria-valuemin")).isEqualTo("0");
        assertThat(bar.getAttribute("aria-valuemax")).isEqualTo("100");
        assertThat(bar.getAttribute("aria-valuetext")).matches("\\d+% · step \\d of 8");

        // its page: the bar moves on, the log grows, and both end complete
        open("task.xhtml?id=" + id);
        driver.executeScript(RECORD_DETAILS);
        Map<String, String> end = new WebDriverWait(driver, TASK_TIMEOUT).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> text("#details .state-badge").equals("SUCCESS") ? details() : null);
        assertThat(end).containsEntry("progress", "100% · step 8 of 8").containsEntry("now", "100");
        assertThat(driver.findElements(By.cssSelector("#details .log-line"))).extracting(WebElement::getText)
                .containsExactly("sheep 1", "sheep 2", "sheep 3", "sheep 4", "sheep 5", "sheep 6", "sheep 7",
                        "sheep 8");
        assertThat(text(".task-result")).isEqualTo("counted 8 sheep");
        List<String> seenOnPage = detailsSeen();
        System.out.println("progress shown on the details page: " + seenOnPage);
        assertThat(seenOnPage).as("the details page updated while the task ran").hasSizeGreaterThanOrEqualTo(2);
        assertThat(seenOnPage.get(0)).as("first seen while it ran").doesNotStartWith("100% ");
        assertThat(seenOnPage).anyMatch(p -> p.matches("\\d+% · step [1-7] of 8 \\| [1-7] lines"));
        assertThat(seenOnPage).last().isEqualTo("100% · step 8 of 8 | 8 lines");
        Path shot = browser.screenshot(Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots")),
                "ui-task-progress.png");
        System.out.println("screenshot of a task's details: " + shot.toAbsolutePath());

        // and the table ends it at 100 %, having shown it move
        open("");
        driver.executeScript(RECORD_BADGES);
        assertThat(awaitEnd(id)).containsEntry("badge", "SUCCESS").containsEntry("progress", "100% · step 8 of 8");
        assertThat(driver.findElement(By.cssSelector("#recent tr[data-task-id='" + id + "'] .progress-bar"))
                .getAttribute("class")).as("a finished bar stands still").doesNotContain("progress-bar-animated");
    }

    @Test
    void aTaskDueInThreeSecondsIsShownScheduledThenRunsByItself() {
        assertThat(labelOf("reverse:run_at")).as("optional: no mark").isEqualTo("Run at / in");
        assertThat(text("#reverse\\:run_at-help"))
                .isEqualTo("blank: now; 30 or PT30S: in 30 s; 2026-12-02T10:00:00Z: at that time");

        String id = submit("reverse", Map.of("text", "later please", "run_at", "3"));

        assertThat(row(id)).as("accepted to run later").containsEntry("state", "SCHEDULED")
                .containsEntry("badge", "SCHEDULED").containsEntry("input", "later please");
        assertThat(awaitEnd(id)).containsEntry("badge", "SUCCESS").containsEntry("outcome", "esaelp retal");
        assertThat(badgesSeen(id)).as("badges the delayed task showed").startsWith("SCHEDULED").endsWith("SUCCESS")
                .isSubsetOf("SCHEDULED", "PENDING", "STARTED", "SUCCESS");
        assertThat(driver.executeScript("return window.taskqSamePage === true")).as("page never reloaded")
                .isEqualTo(true);
        jakarta.json.JsonObject task = client.task(id);
        assertThat(Duration.between(Instant.parse(task.getString("submitted_at")),
                Instant.parse(task.getString("started_at")))).as("ran when due, not before")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    @Test
    void theTableAsksTheServerNothingWhileItsTaskWaitsAndIsRenderedOncePerChangeOfState() throws Exception {
        // the earlier tests' tasks in this session's table have ended: only this test's task can change it
        new WebDriverWait(driver, TASK_TIMEOUT).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String following = d.findElement(By.id("recent")).getAttribute("data-follow");
                    return following == null || following.isEmpty();
                });
        driver.executeScript(COUNT_RENDERS);
        String id = submit("reverse", Map.of("text", "no polling", "run_at", "5"));
        long afterSubmit = renders();
        assertThat(row(id)).containsEntry("state", "SCHEDULED");

        Thread.sleep(2000);
        assertThat(row(id)).as("still waiting for its time").containsEntry("state", "SCHEDULED");
        assertThat(renders()).as("table renders while nothing changed (a 1 s refresh would have made two)")
                .isEqualTo(afterSubmit);

        assertThat(awaitEnd(id)).containsEntry("badge", "SUCCESS").containsEntry("outcome", "gnillop on");
        long onChanges = renders() - afterSubmit;
        System.out.println("table renders from SCHEDULED to SUCCESS: " + onChanges + ", badges seen: "
                + badgesSeen(id));
        assertThat(onChanges).as("renders: one per change heard (PENDING, STARTED, SUCCESS), some coalesced")
                .isBetween(1L, 3L);
    }

    @Test
    void aRunAtThatIsNeitherATimeNorADurationIsRefusedAtItsFieldAndNoTaskIsMade() {
        double submittedBefore = client.metric(SUBMITTED_METRIC);
        long recordsBefore = DeployedTaskq.taskRecordCount();
        int rowsBefore = rowIds().size();

        type("reverse:text", "not now");
        type("reverse:run_at", "soon");
        click("reverse:submit");

        assertThat(awaitMessage("reverse:run_at")).startsWith("must be");
        WebElement runAt = driver.findElement(By.id("reverse:run_at"));
        assertThat(runAt.getAttribute("class")).contains("is-invalid");
        assertThat(runAt.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(runAt.getAttribute("value")).as("input kept").isEqualTo("soon");
        assertThat(driver.findElement(By.id("reverse:text")).getAttribute("value")).isEqualTo("not now");
        assertThat(driver.findElement(By.id("reverse:notice")).getText()).as("no confirmation").isEmpty();
        assertThat(rowIds()).as("recent tasks").hasSize(rowsBefore);
        assertThat(client.metric(SUBMITTED_METRIC)).as("tasks enqueued").isEqualTo(submittedBefore);
        assertThat(DeployedTaskq.taskRecordCount()).as("task records in Redis").isEqualTo(recordsBefore);
    }

    @Test
    void anUnknownTaskOrPageShowsAFriendlyPageWithoutAStackTrace() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        open("task.xhtml?id=" + unknown);
        assertThat(text("h1")).isEqualTo("Task not found");
        assertThat(text("main")).contains(unknown);

        String malformed = "<script>window.taskqXss=3</script>";
        open("task.xhtml?id=" + URLEncoder.encode(malformed, StandardCharsets.UTF_8));
        assertThat(text("h1")).isEqualTo("Task not found");
        assertThat(text("main")).contains(malformed);
        assertThat(driver.executeScript("return typeof window.taskqXss")).isEqualTo("undefined");

        open("no/such/page");
        assertThat(text("h1")).isEqualTo("Page not found");

        for (String path : List.of("task.xhtml?id=" + unknown, "task.xhtml?id=x", "no/such/page")) {
            TaskqClient.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("text/html");
            assertThat(answer.body()).as(path).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aFormPostWithoutThePagesViewStateIsRefusedAndNothingIsEnqueued() {
        double submittedBefore = client.metric(SUBMITTED_METRIC);

        TaskqClient.Answer forged = client.post("index.xhtml", "application/x-www-form-urlencoded",
                "reverse=reverse&reverse%3Atext=forged&reverse%3Asubmit=Reverse"
                        + "&jakarta.faces.ViewState=-1234%3A5678");

        // refused: not processed, the browser is sent back to a fresh copy of the page (no 500, no stack trace)
        assertThat(forged.status()).as("refused with a redirect to a fresh page").isEqualTo(302);
        assertThat(forged.location()).as("redirect target").contains("index.xhtml");
        assertThat(forged.body()).doesNotContain("Exception", "\tat ");
        assertThat(client.metric(SUBMITTED_METRIC)).as("tasks enqueued").isEqualTo(submittedBefore);
    }

    @Test
    void thePageIsStyledByTheBundledBootstrapLabelsEveryFieldAndFitsAPhone() {
        String stylesheet = driver.findElement(By.cssSelector("link[href*='/webjars/bootstrap/']"))
                .getAttribute("href");
        assertThat(stylesheet).startsWith(Browser.openable(base).toString()).endsWith("/css/bootstrap.min.css");
        assertThat(client.get(stylesheet).status()).isEqualTo(200);
        assertThat(driver.findElement(By.id("reverse:submit")).getCssValue("background-color"))
                .as("Bootstrap's primary button colour").isEqualTo("rgba(13, 110, 253, 1)");

        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('form input:not([type=hidden]):not([type=submit]),'
                        + ' form textarea'))
                    .filter(function (f) {
                        var label = document.querySelector('label[for="' + f.id + '"]');
                        return !label || !label.innerText.trim();
                    })
                    .map(function (f) { return f.id; });
                """);
        assertThat(unlabelled).as("fields without a label").isEmpty();
        // email's recipient and body, reverse's and sentiment's text, digest's text
        assertThat(driver.findElements(By.cssSelector("form textarea, form input[type=email]"))).hasSize(5);

        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.navigate().refresh();
            assertThat(driver.executeScript("return window.innerWidth")).as("phone width")
                    .isEqualTo(390L);
            assertThat(driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                    .isEqualTo(true);
            WebElement email = driver.findElement(By.id("email"));
            WebElement reverse = driver.findElement(By.id("reverse"));
            assertThat(reverse.getRect().getX()).as("forms stacked").isEqualTo(email.getRect().getX());
            assertThat(reverse.getRect().getY()).isGreaterThan(email.getRect().getY() + email.getRect().getHeight());
        } finally {
            driver.manage().window().setSize(Browser.DESKTOP);
        }
    }

    private void open(String path) {
        driver.get(client.uri(path).toString());
    }

    /** Fills a form's fields, submits it, and returns the task id its confirmation shows; the form is cleared. */
    private String submit(String form, Map<String, String> fields) {
        fields.forEach((name, value) -> type(form + ":" + name, value));
        WebElement before = driver.findElement(By.id(form + ":notice"));
        click(form + ":submit");
        new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.stalenessOf(before));
        WebElement confirmation = new WebDriverWait(driver, PAGE_TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(form + ":notice")).findElements(By.cssSelector(".alert-success"))
                        .stream().findFirst().orElse(null));
        String id = confirmation.findElement(By.tagName("a")).getText();
        assertThat(id).matches(TASK_ID);
        assertThat(confirmation.getText()).startsWith("Task " + id + " submitted");
        for (String name : fields.keySet()) {
            assertThat(driver.findElement(By.id(form + ":" + name)).getAttribute("value")).as("cleared " + name)
                    .isEmpty();
        }
        return id;
    }

    private void type(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Clicks an element as a user would, first scrolling it to the middle of the window: with a fourth form (it-count)
     * the lower cards sit near the window's bottom edge, where the growing recent-tasks table moves them.
     */
    private void click(String id) {
        clickOn(driver.findElement(By.id(id)));
    }

    private void clickOn(WebElement element) {
        // the page re-renders the recent-tasks table each second, which can move the card under the pointer; the
        // scroll is instant, as Bootstrap makes the page's own smooth (Chromium 156 clicks where the element was when
        // a smooth scroll began, outside the window)
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(ElementClickInterceptedException.class).until(d -> {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
            element.click();
            return true;
        });
    }

    /** Waits for the validation message of a field and returns it. */
    private String awaitMessage(String fieldId) {
        return new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String message = d.findElement(By.id(fieldId + "-message")).getText();
                    return message.isBlank() ? null : message;
                });
    }

    /** Waits until the task's row shows a final state, reading nothing but the page, and returns the row. */
    private Map<String, String> awaitEnd(String id) {
        return new WebDriverWait(driver, TASK_TIMEOUT).pollingEvery(Duration.ofMillis(100)).until(d -> {
            Map<String, String> row = row(id);
            return row != null && List.of("SUCCESS", "FAILURE").contains(row.get("state")) ? row : null;
        });
    }

    private long renders() {
        return ((Number) driver.executeScript("return window.taskqRenders")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> row(String id) {
        return (Map<String, String>) driver.executeScript(READ_ROW, id);
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('#recent tr[data-task-id]'))"
                        + ".map(function (r) { return r.dataset.taskId; })");
    }

    @SuppressWarnings("unchecked")
    private List<String> progressSeen(String id) {
        return (List<String>) driver.executeScript("return window.taskqProgress[arguments[0]] || []", id);
    }

    /** What the details page shows of the task's progress and log. */
    @SuppressWarnings("unchecked")
    private Map<String, String> details() {
        return (Map<String, String>) driver.executeScript(READ_DETAILS);
    }

    @SuppressWarnings("unchecked")
    private List<String> detailsSeen() {
        return (List<String>) driver.executeScript("return window.taskqDetailsSeen || []");
    }

    @SuppressWarnings("unchecked")
    private List<String> badgesSeen(String id) {
        return (List<String>) driver.executeScript("return window.taskqSeen[arguments[0]] || []", id);
    }

    /** A label's whole text, what a screen reader reads too (the visually hidden " (required)" included). */
    private String labelOf(String fieldId) {
        return ((String) driver.executeScript("return document.querySelector('label[for=\"' + arguments[0]"
                + " + '\"]').textContent", fieldId)).replaceAll("\\s+", " ").strip();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    /** The WCAG contrast ratio of the task's badge text against its background. */
    private double badgeContrast(String id) {
        WebElement badge = driver.findElement(By.cssSelector("#recent tr[data-task-id='" + id + "'] .state-badge"));
        return contrast(luminance(badge.getCssValue("color")), luminance(badge.getCssValue("background-color")));
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String cssColour) {
        Matcher rgb = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(cssColour);
        assertThat(rgb.find()).as("a colour: %s", cssColour).isTrue();
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
            channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}

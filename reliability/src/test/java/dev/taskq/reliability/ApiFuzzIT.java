package dev.taskq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.reliability.FuzzRequest.Expect;
import dev.taskq.reliability.lab.FaultLab;
import dev.taskq.reliability.lab.Http;
import dev.taskq.reliability.lab.Ledger;
import dev.taskq.reliability.lab.Summary;
import dev.taskq.reliability.lab.TaskSpec;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.awaitility.Awaitility;

/**
 * Generated requests against the running taskq (jqwik), to the REST API and to the Faces forms: every answer is a
 * 4xx for bad input and a 2xx for valid input (a form shows the rule broken, or the accepted task), never a 5xx;
 * invalid input changes nothing (no task record, no message on the queue or the dead-letter
 * queue); valid input becomes a task that ends with its right result; the instance stays ready throughout.
 */
class ApiFuzzIT {
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** The notice of an accepted form: a link to the new task's page. */
    private static final Pattern ACCEPTED_TASK =
            Pattern.compile("alert-success[\\s\\S]*?task\\.xhtml\\?id=([0-9a-f-]{36})");
    private static final Map<String, TaskSpec> ACCEPTED = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static FaultLab lab;
    private static Http http;
    private static double submittedBefore;
    private static long recordsBefore;
    private static long deadLettersBefore;

    @BeforeContainer
    static void quietInstance() {
        lab = FaultLab.get();
        http = lab.taskq().http();
        awaitQueueEmpty();
        submittedBefore = http.metric("taskq_tasks_submitted_total");
        recordsBefore = lab.ledger().taskRecords();
        deadLettersBefore = lab.deadLetterDepth();
    }

    @Property(tries = 1_200)
    void everyRequestGetsA4xxOrForValidInputA2xxNeverA5xx(@ForAll("requests") FuzzRequest request) {
        Statistics.collect(request.kind());
        Http.Answer answer = http.send(request.method(), request.path(), request.contentType(), request.body(),
                Map.of());
        REQUESTS.incrementAndGet();
        countServerError(answer);
        assertThat(answer.status()).as("%s answered %s", request, answer).isLessThan(500);
        if (request.expect() == Expect.ACCEPTED) {
            assertThat(answer.status()).as("%s answered %s", request, answer).isBetween(200, 299);
            if (request.batch() != null) {
                List<JsonObject> accepted = answer.jsonArray().getValuesAs(JsonObject.class);
                assertThat(accepted).as("%s answered %s", request, answer).hasSameSizeAs(request.batch());
                for (int i = 0; i < accepted.size(); i++) {
                    ACCEPTED.put(accepted.get(i).getString("task_id"), request.batch().get(i));
                }
            } else {
                ACCEPTED.put(answer.json().getString("task_id"), request.task());
            }
        } else if (request.expect() == Expect.REFUSED) {
            assertThat(answer.status()).as("%s answered %s", request, answer).isBetween(400, 499);
            REFUSED.incrementAndGet();
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return FuzzRequests.any();
    }

    @Property(tries = 200)
    void aFacesFormAcceptsValidInputShowsRuleViolationsAndNeverAnswers5xx(@ForAll("forms") FormInput input) {
        Statistics.collect(input.form(), input.forgeState() ? "forged state" : input.task() == null ? "invalid"
                : "valid");
        Http browser = http.browser();
        Http.Answer page = browser.get("");
        Matcher state = VIEW_STATE.matcher(page.body());
        assertThat(state.find()).as("the main page has a view state").isTrue();
        Http.Answer answer = browser.send("POST", "index.xhtml", "application/x-www-form-urlencoded",
                input.body(state.group(1)).getBytes(StandardCharsets.UTF_8), Map.of());
        REQUESTS.addAndGet(2);
        countServerError(answer);
        assertThat(answer.status()).as("%s answered %s", input, answer).isLessThan(500);
        Matcher accepted = ACCEPTED_TASK.matcher(answer.body());
        if (input.task() != null && !input.forgeState()) {
            assertThat(accepted.find()).as("%s accepted; answer: %s", input, answer).isTrue();
            ACCEPTED.put(accepted.group(1), input.task());
        } else {
            assertThat(accepted.find()).as("%s not accepted; answer: %s", input, answer).isFalse();
            REFUSED.incrementAndGet();
        }
    }

    @Provide
    Arbitrary<FormInput> forms() {
        return FormInput.any();
    }

    @AfterContainer
    static void invalidInputChangedNothingAndTheInstanceIsFine() {
        Ledger ledger = lab.ledger();
        ledger.awaitAllTerminal(ACCEPTED.keySet());
        awaitQueueEmpty();
        Ledger.Tally tally = ledger.tally(ACCEPTED);
        double submitted = http.metric("taskq_tasks_submitted_total") - submittedBefore;
        long records = ledger.taskRecords() - recordsBefore;
        long deadLetters = lab.deadLetterDepth() - deadLettersBefore;
        boolean ready = http.ready();
        Summary.add(Summary.Row.of("4. API fuzz (jqwik)", tally, String.format("%d generated requests: %d refused "
                        + "with a 4xx, %d valid ones accepted, %d answered 5xx; tasks enqueued %.0f, records added %d, "
                        + "dead letters added %d; ready afterwards: %s", REQUESTS.get(), REFUSED.get(),
                ACCEPTED.size(), SERVER_ERRORS.get(), submitted, records, deadLetters, ready)));

        assertThat(tally.lost).as("accepted fuzz tasks not terminal: " + tally).isZero();
        assertThat(tally.wrongOutcomes).as("accepted fuzz tasks with a wrong outcome: " + tally).isZero();
        assertThat(submitted).as("tasks enqueued").isEqualTo(ACCEPTED.size());
        assertThat(records).as("task records added").isEqualTo(ACCEPTED.size());
        assertThat(deadLetters).as("messages dead-lettered").isZero();
        assertThat(ready).as("instance ready after the fuzz").isTrue();
    }

    private static void countServerError(Http.Answer answer) {
        if (answer.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
    }

    private static void awaitQueueEmpty() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> lab.queueDepth() == 0);
    }
}

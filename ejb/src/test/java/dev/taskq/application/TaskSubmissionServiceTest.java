package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import dev.taskq.kinds.EmailTask;
import dev.taskq.kinds.ReverseTask;
import dev.taskq.kinds.SentimentTask;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskSubmissionServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingQueue queue = new RecordingQueue();
    private final List<String> submittedMetric = new ArrayList<>();
    private final TestKinds kinds = new TestKinds(validation.getValidator(), Map.of("taskq.tasks.sentiment.queue", "text"),
            new EmailTask(), new ReverseTask(), new SentimentTask());
    private final TaskSubmissionService service = new TaskSubmissionService(kinds,
            new TaskInputBinder(validation.getValidator()), store, queue, Clock.fixed(NOW, ZoneOffset.UTC),
            new InstanceIdentity("test-1"), new CountingMetrics(submittedMetric),
            new TaskDueTime(Duration.ofDays(30), Duration.ofSeconds(5)), () -> "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001");

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void aTaskAskedToRunLaterIsRecordedScheduledWithItsDueTimeAndNotEnqueued() {
        AcceptedTask later = service.submit("reverse", json("{\"text\":\"abc\",\"delay\":\"PT30S\"}"));

        assertThat(later.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(later.runAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(store.tasks.get(later.id()).state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(store.tasks.get(later.id()).runAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(queue.published).isEmpty();

        assertThat(service.submit("reverse", json("{\"text\":\"abc\",\"delay\":2.5}")).runAt())
                .isEqualTo(NOW.plusMillis(2500));
        assertThat(service.submit("reverse", json("{\"text\":\"abc\",\"run_at\":\"2026-11-27T11:15:30+01:00\"}"))
                .state()).as("an instant that is now runs at once").isEqualTo(TaskState.PENDING);
        assertThat(service.submitForm("reverse", Map.of("text", "abc", "run_at", "90")).runAt())
                .isEqualTo(NOW.plusSeconds(90));
        assertThat(service.submitForm("reverse", Map.of("text", "abc", "run_at", "2026-11-27T12:00:00Z")).runAt())
                .isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    }

    @Test
    void aWrongDueTimeIsRefusedNamingItsFieldAndNothingIsKept() {
        assertThat(violationOf("{\"text\":\"a\",\"run_at\":\"2026-11-27T10:15:00Z\"}"))
                .isEqualTo("run_at: is 30.0 s in the past; it may be at most 5.0 s in the past"
                        + " (taskq.scheduling.past-tolerance), and then runs at once");
        assertThat(violationOf("{\"text\":\"a\",\"run_at\":\"tomorrow\"}"))
                .isEqualTo("run_at: must be an RFC 3339 instant such as 2026-12-02T10:00:00Z");
        assertThat(violationOf("{\"text\":\"a\",\"run_at\":\"2026-11-27T10:16:00Z\",\"delay\":5}"))
                .isEqualTo("delay: give either run_at or delay, not both");
        assertThat(violationOf("{\"text\":\"a\",\"delay\":\"P31D\"}"))
                .isEqualTo("delay: is more than the longest delay allowed, PT720H (taskq.scheduling.max-delay), from now");
        assertThat(violationOf("{\"text\":\"a\",\"delay\":\"soon\"}"))
                .isEqualTo("delay: must be an ISO-8601 duration such as PT30S, or a number of seconds");
        assertThat(violationOf("{\"text\":\"a\",\"delay\":-1}")).isEqualTo("delay: must not be negative");
        assertThat(violationOf("{\"text\":\"\",\"delay\":-1}")).as("every broken rule at once")
                .isEqualTo("text: must not be blank; delay: must not be negative");
        assertThatThrownBy(() -> service.submitForm("reverse", Map.of("text", "abc", "run_at", "soon")))
                .hasMessage("run_at: must be an ISO-8601 duration such as PT30S, or a number of seconds");
        assertThat(store.tasks).isEmpty();
        assertThat(queue.published).isEmpty();
    }

    private String violationOf(String body) {
        try {
            service.submit("reverse", json(body));
        } catch (InvalidTaskException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + body);
    }

    private static JsonObject json(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void aValidTaskIsRecordedPendingThenEnqueuedOnItsKindsQueue() {
        AcceptedTask accepted = service.submit("reverse", json("{\"text\":\"abc\"}"));
        String id = accepted.id();

        assertThat(accepted.state()).isEqualTo(TaskState.PENDING);
        assertThat(id).isEqualTo("6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001");
        TaskRecord stored = store.tasks.get(id);
        assertThat(stored.state()).isEqualTo(TaskState.PENDING);
        assertThat(stored.type()).isEqualTo("reverse");
        assertThat(stored.input().getString("text")).isEqualTo("abc");
        assertThat(stored.submittedAt()).isEqualTo(NOW);
        assertThat(stored.history()).singleElement().satisfies(e -> assertThat(e.instance()).isEqualTo("test-1"));
        assertThat(queue.published).containsExactly("default " + new TaskMessage(id, "reverse",
                json("{\"text\":\"abc\"}"), NOW).toJson());
        assertThat(submittedMetric).containsExactly("reverse");

        service.submit("sentiment", json("{\"text\":\"good\"}"));
        assertThat(queue.published.get(1)).startsWith("text ");
    }

    @Test
    void anInvalidTaskIsNeitherStoredNorEnqueued() {
        assertThatThrownBy(() -> service.submit("email", json("{\"recipient\":\"nobody\",\"subject\":\"\"}")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("recipient", "subject"));

        assertThat(store.tasks).isEmpty();
        assertThat(queue.published).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsReportedAtTheField() {
        assertThatThrownBy(() -> service.submit("reverse", json("{\"text\":42}")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("text", "must be a string")));
    }

    @Test
    void aWebFormIsCheckedByTheSameRules() {
        assertThatThrownBy(() -> service.submitForm("email", Map.of("recipient", "ada@example.com", "subject", " ",
                "body", ""))).isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                .containsExactly(new FieldViolation("subject", "must not be blank")));
        String id = service.submitForm("email", Map.of("recipient", "ada@example.com", "subject", "Hi", "body", "")).id();
        assertThat(store.tasks.get(id).input().getString("recipient")).isEqualTo("ada@example.com");
    }

    @Test
    void anUnknownTypeIsReportedOnTheTypeFieldWithTheKindsThereAre() {
        assertThatThrownBy(() -> service.submit("fly", json("{\"text\":\"x\"}")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("type", "must be one of: email, reverse, sentiment")));
        assertThatThrownBy(() -> service.submit(null, json("{}"))).isInstanceOf(InvalidTaskException.class);
    }

    @Test
    void whenTheBrokerRefusesTheTaskItsRecordIsWithdrawn() {
        queue.down = true;

        assertThatThrownBy(() -> service.submit("sentiment", json("{\"text\":\"good\"}")))
                .isInstanceOf(QueueUnavailableException.class);

        assertThat(store.tasks).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    private final java.util.concurrent.atomic.AtomicInteger nextId = new java.util.concurrent.atomic.AtomicInteger();
    private final TaskSubmissionService batches = new TaskSubmissionService(kinds,
            new TaskInputBinder(validation.getValidator()), store, queue, Clock.fixed(NOW, ZoneOffset.UTC),
            new InstanceIdentity("test-1"), new CountingMetrics(submittedMetric),
            new TaskDueTime(Duration.ofDays(30), Duration.ofSeconds(5)), () -> "task-" + nextId.incrementAndGet());

    @Test
    void aBatchIsAcceptedInItsOrderWithOneIdPerTaskAndItsDueTasksKeptBack() {
        List<AcceptedTask> accepted = batches.submitAll(List.of(
                new TaskSubmissionService.TaskRequest("reverse", json("{\"text\":\"abc\"}")),
                new TaskSubmissionService.TaskRequest("sentiment", json("{\"text\":\"good\",\"delay\":\"PT1M\"}")),
                new TaskSubmissionService.TaskRequest("email", json("{\"recipient\":\"ada@example.com\","
                        + "\"subject\":\"Hi\",\"body\":\"\"}"))));

        assertThat(accepted).extracting(AcceptedTask::id).containsExactly("task-1", "task-2", "task-3");
        assertThat(accepted).extracting(AcceptedTask::state)
                .containsExactly(TaskState.PENDING, TaskState.SCHEDULED, TaskState.PENDING);
        assertThat(store.tasks.get("task-1").input().getString("text")).isEqualTo("abc");
        assertThat(store.tasks.get("task-2").runAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(store.tasks.get("task-3").type()).isEqualTo("email");
        assertThat(queue.published).hasSize(2);
        assertThat(queue.published.get(0)).contains("task-1");
        assertThat(queue.published.get(1)).contains("task-3");
        assertThat(submittedMetric).containsExactly("reverse", "sentiment", "email");
    }

    @Test
    void oneBadTaskRefusesTheWholeBatchNamingEachBrokenRuleByItsIndex() {
        assertThatThrownBy(() -> batches.submitAll(List.of(
                new TaskSubmissionService.TaskRequest("reverse", json("{\"text\":\"fine\"}")),
                new TaskSubmissionService.TaskRequest("reverse", json("{\"text\":\"\"}")),
                new TaskSubmissionService.TaskRequest("fly", json("{}")),
                new TaskSubmissionService.TaskRequest("sentiment", json("{\"text\":\"ok\",\"delay\":-1}")))))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("[1].text", "must not be blank"),
                        new FieldViolation("[2].type", "must be one of: email, reverse, sentiment"),
                        new FieldViolation("[3].delay", "must not be negative")));

        assertThat(store.tasks).isEmpty();
        assertThat(queue.published).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    @Test
    void whenTheBrokerRefusesABatchEveryRecordOfItIsWithdrawn() {
        queue.down = true;

        assertThatThrownBy(() -> batches.submitAll(List.of(
                new TaskSubmissionService.TaskRequest("reverse", json("{\"text\":\"a\"}")),
                new TaskSubmissionService.TaskRequest("reverse", json("{\"text\":\"b\",\"delay\":30}")))))
                .isInstanceOf(QueueUnavailableException.class);

        assertThat(store.tasks).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    @Test
    void whenTheStoreIsDownNothingIsEnqueued() {
        store.down = true;

        assertThatThrownBy(() -> service.submit("sentiment", json("{\"text\":\"good\"}")))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(queue.published).isEmpty();
    }

    private static final class InMemoryStore implements TaskStore {
        final Map<String, TaskRecord> tasks = new HashMap<>();
        boolean down;

        @Override
        public void create(TaskRecord pending) {
            if (down) {
                throw new StoreUnavailableException("down");
            }
            tasks.put(pending.id(), pending);
        }

        @Override
        public void createAll(List<TaskRecord> accepted) {
            if (down) {
                throw new StoreUnavailableException("down");
            }
            accepted.forEach(t -> tasks.put(t.id(), t));
        }

        @Override
        public void delete(String id) {
            tasks.remove(id);
        }

        @Override
        public Optional<TaskRecord> find(String id) {
            return Optional.ofNullable(tasks.get(id));
        }

        @Override
        public List<String> logs(String id) {
            return List.of();
        }

        @Override
        public void ping() {
        }

        @Override
        public OptionalInt beginAttempt(String id, Instant now, String instance) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public void recordRetry(String id, int attempt, String error, Instant now, String instance) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public boolean finish(String id, TaskState terminal, String result, String error, Instant now,
                String instance, List<TaskEffect> effects) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public Set<String> report(List<AttemptReport> reports, int logLines) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public DueTasks claimDue(String instance, int max, Duration claimTimeout) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public void queued(List<String> ids) {
            throw new UnsupportedOperationException("not used by submission");
        }
    }

    private static final class RecordingQueue implements TaskQueue {
        final List<String> published = new ArrayList<>();
        boolean down;

        @Override
        public void publish(TaskMessage message, String queue) {
            if (down) {
                throw new QueueUnavailableException("down");
            }
            published.add(queue + " " + message.toJson());
        }

        @Override
        public void publishAll(List<Outgoing> messages) {
            messages.forEach(m -> publish(m.message(), m.queue()));
        }

        @Override
        public void deadLetter(String body, String reason) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public void ping() {
        }
    }

    private record CountingMetrics(List<String> submitted) implements TaskMetrics {
        @Override
        public void submitted(String kind) {
            submitted.add(kind);
        }

        @Override
        public void attemptStarted(String kind, int attempt) {
        }

        @Override
        public void finished(String kind, TaskState outcome, Duration latency) {
        }

        @Override
        public void deadLettered() {
        }

        @Override
        public void processed(String kind, Duration processing) {
        }

        @Override
        public void revoked(String kind) {
        }

        @Override
        public void requeued(String kind) {
        }

        @Override
        public void timedOut(String kind) {
        }

        @Override
        public void abandoned(String kind) {
        }

        @Override
        public void scheduleFired(String schedule, dev.taskq.domain.ScheduleRun.Outcome outcome, Duration lateness) {
        }

        @Override
        public void dueTaskEnqueued(String kind, Duration lateness) {
        }

        @Override
        public void dueTasksWaiting(long waiting) {
        }
    }
}

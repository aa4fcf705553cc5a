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
            () -> "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001");

    @AfterEach
    void close() {
        validation.close();
    }

    private static JsonObject json(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void aValidTaskIsRecordedPendingThenEnqueuedOnItsKindsQueue() {
        String id = service.submit("reverse", json("{\"text\":\"abc\"}"));

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
        String id = service.submitForm("email", Map.of("recipient", "ada@example.com", "subject", "Hi", "body", ""));
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
    }
}

package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskSubmissionServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingQueue queue = new RecordingQueue();
    private final List<TaskKind> submittedMetric = new ArrayList<>();
    private final TaskSubmissionService service = new TaskSubmissionService(store, queue,
            validation.getValidator(), Clock.fixed(NOW, ZoneOffset.UTC), new InstanceIdentity("test-1"),
            new CountingMetrics(submittedMetric), () -> "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001");

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void aValidTaskIsRecordedPendingThenEnqueued() {
        String id = service.submit("reverse", Map.of("text", "abc"));

        assertThat(id).isEqualTo("6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001");
        TaskRecord stored = store.tasks.get(id);
        assertThat(stored.state()).isEqualTo(TaskState.PENDING);
        assertThat(stored.kind()).isEqualTo(TaskKind.REVERSE);
        assertThat(stored.parameters()).containsEntry("text", "abc");
        assertThat(stored.submittedAt()).isEqualTo(NOW);
        assertThat(stored.history()).singleElement().satisfies(e -> assertThat(e.instance()).isEqualTo("test-1"));
        assertThat(queue.published).containsExactly(
                new TaskMessage(id, "reverse", Map.of("text", "abc"), NOW));
        assertThat(submittedMetric).containsExactly(TaskKind.REVERSE);
    }

    @Test
    void anInvalidTaskIsNeitherStoredNorEnqueued() {
        assertThatThrownBy(() -> service.submit("email", Map.of("recipient", "nobody", "subject", "")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("recipient", "subject"));

        assertThat(store.tasks).isEmpty();
        assertThat(queue.published).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    @Test
    void anUnknownTypeIsReportedOnTheTypeField() {
        assertThatThrownBy(() -> service.submit("fly", Map.of("text", "x")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("type", "must be one of: email, reverse, sentiment")));
        assertThatThrownBy(() -> service.submit(null, Map.of())).isInstanceOf(InvalidTaskException.class);
    }

    @Test
    void whenTheBrokerRefusesTheTaskItsRecordIsWithdrawn() {
        queue.down = true;

        assertThatThrownBy(() -> service.submit("sentiment", Map.of("text", "good")))
                .isInstanceOf(QueueUnavailableException.class);

        assertThat(store.tasks).isEmpty();
        assertThat(submittedMetric).isEmpty();
    }

    @Test
    void whenTheStoreIsDownNothingIsEnqueued() {
        store.down = true;

        assertThatThrownBy(() -> service.submit("sentiment", Map.of("text", "good")))
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
                String instance) {
            throw new UnsupportedOperationException("not used by submission");
        }
    }

    private static final class RecordingQueue implements TaskQueue {
        final List<TaskMessage> published = new ArrayList<>();
        boolean down;

        @Override
        public void publish(TaskMessage message) {
            if (down) {
                throw new QueueUnavailableException("down");
            }
            published.add(message);
        }

        @Override
        public void deadLetter(String body, String reason) {
            throw new UnsupportedOperationException("not used by submission");
        }

        @Override
        public void ping() {
        }
    }

    private record CountingMetrics(List<TaskKind> submitted) implements TaskMetrics {
        @Override
        public void submitted(TaskKind kind) {
            submitted.add(kind);
        }

        @Override
        public void attemptStarted(TaskKind kind, int attempt) {
        }

        @Override
        public void finished(TaskKind kind, TaskState outcome, Duration latency) {
        }

        @Override
        public void deadLettered() {
        }

        @Override
        public void processed(TaskKind kind, Duration processing) {
        }

        @Override
        public void revoked(TaskKind kind) {
        }

        @Override
        public void requeued(TaskKind kind) {
        }
    }
}

package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts a task: checks its input against the rules, records it PENDING in the store, and enqueues it. When the
 * queue cannot take it the record is removed again, so no task stays PENDING without a message behind it.
 */
@ApplicationScoped
public class TaskSubmissionService {
    private static final Logger LOG = Logger.getLogger(TaskSubmissionService.class.getName());

    private TaskStore store;
    private TaskQueue queue;
    private Validator validator;
    private Clock clock;
    private InstanceIdentity instance;
    private Supplier<String> ids;
    private TaskMetrics metrics;

    protected TaskSubmissionService() {
        // for CDI proxies
    }

    @Inject
    public TaskSubmissionService(TaskStore store, TaskQueue queue, Validator validator, Clock clock,
            InstanceIdentity instance, TaskMetrics metrics) {
        this(store, queue, validator, clock, instance, metrics, () -> UUID.randomUUID().toString());
    }

    TaskSubmissionService(TaskStore store, TaskQueue queue, Validator validator, Clock clock,
            InstanceIdentity instance, TaskMetrics metrics, Supplier<String> ids) {
        this.store = store;
        this.queue = queue;
        this.validator = validator;
        this.clock = clock;
        this.instance = instance;
        this.ids = ids;
        this.metrics = metrics;
    }

    /**
     * Accepts a task given as a type name and its fields (as the REST API receives it).
     *
     * @return the new task's id
     * @throws InvalidTaskException      when the type is unknown or a field breaks a rule
     * @throws QueueUnavailableException when the broker cannot take it (nothing is kept)
     * @throws StoreUnavailableException when the store cannot be reached (nothing is enqueued)
     */
    public String submit(String type, Map<String, String> fields) {
        TaskKind kind = TaskKind.fromWireName(type).orElseThrow(() -> new InvalidTaskException(List.of(
                new FieldViolation("type", "must be one of: " + TaskKind.wireNames()))));
        return submit(TaskInput.of(kind, fields));
    }

    /** Accepts a task given as a typed input (as the Faces forms hold it). See {@link #submit(String, Map)}. */
    public String submit(TaskInput input) {
        List<FieldViolation> violations = violationsOf(input);
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations);
        }
        String id = ids.get();
        Instant now = clock.instant();
        store.create(TaskRecord.pending(id, input, now, instance.name()));
        try {
            queue.publish(TaskMessage.of(id, input, now));
        } catch (RuntimeException e) {
            withdraw(id);
            throw e;
        }
        metrics.submitted(input.kind());
        LOG.fine(() -> "task " + id + " (" + input.kind().wireName() + ") accepted");
        return id;
    }

    /** The rules {@code input} breaks, ordered by field name; empty when it is valid. */
    public List<FieldViolation> violationsOf(TaskInput input) {
        return validator.validate(input).stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
    }

    private void withdraw(String id) {
        try {
            store.delete(id);
            LOG.warning(() -> "task " + id + " could not be enqueued and was withdrawn");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "task " + id + " could not be enqueued nor withdrawn; it stays PENDING", e);
        }
    }

}

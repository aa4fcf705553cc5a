package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.application.TaskInputBinder.BoundInput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts a task: binds and checks its input against its kind's rules, records it PENDING in the store, and enqueues
 * it on its kind's queue. When the queue cannot take it the record is removed again, so no task stays PENDING
 * without a message behind it. A task asked to run later ({@link TaskDueTime}) is recorded SCHEDULED with its due
 * time instead, and enqueued when it falls due ({@link DueTaskDispatcher}).
 */
@ApplicationScoped
public class TaskSubmissionService {
    private static final Logger LOG = Logger.getLogger(TaskSubmissionService.class.getName());

    private TaskKinds kinds;
    private TaskInputBinder binder;
    private TaskStore store;
    private TaskQueue queue;
    private Clock clock;
    private InstanceIdentity instance;
    private Supplier<String> ids;
    private TaskMetrics metrics;
    private TaskDueTime dueTime;

    protected TaskSubmissionService() {
        // for CDI proxies
    }

    @Inject
    public TaskSubmissionService(TaskKinds kinds, TaskInputBinder binder, TaskStore store, TaskQueue queue,
            Clock clock, InstanceIdentity instance, TaskMetrics metrics, TaskDueTime dueTime) {
        this(kinds, binder, store, queue, clock, instance, metrics, dueTime, () -> UUID.randomUUID().toString());
    }

    TaskSubmissionService(TaskKinds kinds, TaskInputBinder binder, TaskStore store, TaskQueue queue, Clock clock,
            InstanceIdentity instance, TaskMetrics metrics, TaskDueTime dueTime, Supplier<String> ids) {
        this.kinds = kinds;
        this.binder = binder;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.instance = instance;
        this.ids = ids;
        this.metrics = metrics;
        this.dueTime = dueTime;
    }

    /**
     * Accepts a task given as a kind's name and its fields (as the REST API receives it), with an optional
     * {@code run_at} or {@code delay} among them.
     *
     * @return the new task: PENDING, or SCHEDULED when it is to run later
     * @throws InvalidTaskException      when the kind is unknown, a field breaks a rule or the due time is wrong
     * @throws QueueUnavailableException when the broker cannot take it (nothing is kept)
     * @throws StoreUnavailableException when the store cannot be reached (nothing is enqueued)
     */
    public AcceptedTask submit(String type, JsonObject fields) {
        TaskKind kind = kinds.require(type);
        Instant now = clock.instant();
        return checked(() -> dueTime.of(fields, now), () -> binder.bind(kind, fields),
                (due, input) -> accept(kind, input, now, due));
    }

    /**
     * Accepts a task from a web form's fields (strings); the field {@code run_at} holds "run at / in" (an instant,
     * a duration or seconds; blank for now). See {@link #submit(String, JsonObject)}.
     */
    public AcceptedTask submitForm(String type, Map<String, String> fields) {
        TaskKind kind = kinds.require(type);
        Instant now = clock.instant();
        return checked(() -> dueTime.ofText(fields.get(TaskDueTime.RUN_AT), now), () -> binder.bind(kind, fields),
                (due, input) -> accept(kind, input, now, due));
    }

    /** Reads the due time and binds the input, and refuses with every broken rule of both at once. */
    private static AcceptedTask checked(Supplier<Optional<Instant>> dueTime, Supplier<BoundInput> binding,
            BiFunction<Optional<Instant>, BoundInput, AcceptedTask> accept) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Instant> due = Optional.empty();
        BoundInput input = null;
        try {
            input = binding.get();
        } catch (InvalidTaskException e) {
            violations.addAll(e.violations());
        }
        try {
            due = dueTime.get();
        } catch (InvalidTaskException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations);
        }
        return accept.apply(due, input);
    }

    private AcceptedTask accept(TaskKind kind, BoundInput input, Instant now, Optional<Instant> due) {
        String id = ids.get();
        if (due.isPresent()) {
            store.create(TaskRecord.scheduled(id, kind.name(), input.json(), now, due.get(), instance.name(),
                    "due at " + due.get()));
            metrics.submitted(kind.name());
            LOG.fine(() -> "task " + id + " (" + kind.name() + ") accepted, due at " + due.get());
            return new AcceptedTask(id, TaskState.SCHEDULED, due.get());
        }
        store.create(TaskRecord.pending(id, kind.name(), input.json(), now, instance.name()));
        try {
            queue.publish(new TaskMessage(id, kind.name(), input.json(), now), kind.policy().queue());
        } catch (RuntimeException e) {
            withdraw(id);
            throw e;
        }
        metrics.submitted(kind.name());
        LOG.fine(() -> "task " + id + " (" + kind.name() + ") accepted");
        return new AcceptedTask(id, TaskState.PENDING, null);
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

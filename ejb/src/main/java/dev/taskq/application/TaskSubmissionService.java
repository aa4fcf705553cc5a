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
        Instant now = clock.instant();
        return acceptAll(List.of(checked(type, fields, now)), now).get(0);
    }

    /**
     * Accepts several tasks at once, all or none: every one is checked first, and one broken rule anywhere refuses
     * them all (each violation's field is prefixed with the task's index, {@code [3].recipient}). They are then
     * stored in one atomic step and enqueued in one broker transaction.
     *
     * @return the new tasks, in the order given
     * @throws InvalidTaskException      when any task breaks a rule (nothing is kept)
     * @throws QueueUnavailableException when the broker cannot take them (nothing is kept)
     * @throws StoreUnavailableException when the store cannot be reached (nothing is enqueued)
     */
    public List<AcceptedTask> submitAll(List<TaskRequest> requests) {
        Instant now = clock.instant();
        List<FieldViolation> violations = new ArrayList<>();
        List<CheckedTask> tasks = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                tasks.add(checked(requests.get(i).type(), requests.get(i).fields(), now));
            } catch (InvalidTaskException e) {
                String at = "[" + i + "].";
                e.violations().forEach(v -> violations.add(new FieldViolation(at + v.field(), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations);
        }
        return acceptAll(tasks, now);
    }

    /**
     * A task to accept: its kind's name and its fields.
     *
     * @param type   the kind's name (null when the request named none)
     * @param fields the kind's fields, with an optional {@code run_at} or {@code delay}
     */
    public record TaskRequest(String type, JsonObject fields) {
    }

    /**
     * Accepts a task from a web form's fields (strings); the field {@code run_at} holds "run at / in" (an instant,
     * a duration or seconds; blank for now). See {@link #submit(String, JsonObject)}.
     */
    public AcceptedTask submitForm(String type, Map<String, String> fields) {
        TaskKind kind = kinds.require(type);
        Instant now = clock.instant();
        return acceptAll(List.of(checked(kind, () -> dueTime.ofText(fields.get(TaskDueTime.RUN_AT), now),
                () -> binder.bind(kind, fields))), now).get(0);
    }

    private CheckedTask checked(String type, JsonObject fields, Instant now) {
        TaskKind kind = kinds.require(type);
        return checked(kind, () -> dueTime.of(fields, now), () -> binder.bind(kind, fields));
    }

    /** Reads the due time and binds the input, and refuses with every broken rule of both at once. */
    private static CheckedTask checked(TaskKind kind, Supplier<Optional<Instant>> dueTime,
            Supplier<BoundInput> binding) {
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
        return new CheckedTask(kind, input, due);
    }

    /** A task whose input and due time passed every rule. */
    private record CheckedTask(TaskKind kind, BoundInput input, Optional<Instant> due) {
    }

    /**
     * Records the tasks (PENDING, or SCHEDULED with their due time) in one step, then enqueues the PENDING ones in
     * one broker transaction; when that fails every record is removed again.
     */
    private List<AcceptedTask> acceptAll(List<CheckedTask> tasks, Instant now) {
        List<TaskRecord> records = new ArrayList<>(tasks.size());
        List<TaskQueue.Outgoing> messages = new ArrayList<>(tasks.size());
        List<AcceptedTask> accepted = new ArrayList<>(tasks.size());
        for (CheckedTask task : tasks) {
            String id = ids.get();
            String kind = task.kind().name();
            if (task.due().isPresent()) {
                Instant due = task.due().get();
                records.add(TaskRecord.scheduled(id, kind, task.input().json(), now, due, instance.name(),
                        "due at " + due));
                accepted.add(new AcceptedTask(id, TaskState.SCHEDULED, due));
            } else {
                records.add(TaskRecord.pending(id, kind, task.input().json(), now, instance.name()));
                messages.add(new TaskQueue.Outgoing(new TaskMessage(id, kind, task.input().json(), now),
                        task.kind().policy().queue()));
                accepted.add(new AcceptedTask(id, TaskState.PENDING, null));
            }
        }
        if (records.size() == 1) {
            store.create(records.get(0));
        } else {
            store.createAll(records);
        }
        try {
            queue.publishAll(messages);
        } catch (RuntimeException e) {
            records.forEach(r -> withdraw(r.id()));
            throw e;
        }
        tasks.forEach(t -> metrics.submitted(t.kind().name()));
        LOG.fine(() -> accepted.size() + " task(s) accepted: " + accepted);
        return accepted;
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

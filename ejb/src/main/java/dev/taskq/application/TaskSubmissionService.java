package dev.taskq.application;

import dev.taskq.application.TaskInputBinder.BoundInput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts a task: binds and checks its input against its kind's rules, records it PENDING in the store, and enqueues
 * it on its kind's queue. When the queue cannot take it the record is removed again, so no task stays PENDING
 * without a message behind it.
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

    protected TaskSubmissionService() {
        // for CDI proxies
    }

    @Inject
    public TaskSubmissionService(TaskKinds kinds, TaskInputBinder binder, TaskStore store, TaskQueue queue,
            Clock clock, InstanceIdentity instance, TaskMetrics metrics) {
        this(kinds, binder, store, queue, clock, instance, metrics, () -> UUID.randomUUID().toString());
    }

    TaskSubmissionService(TaskKinds kinds, TaskInputBinder binder, TaskStore store, TaskQueue queue, Clock clock,
            InstanceIdentity instance, TaskMetrics metrics, Supplier<String> ids) {
        this.kinds = kinds;
        this.binder = binder;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.instance = instance;
        this.ids = ids;
        this.metrics = metrics;
    }

    /**
     * Accepts a task given as a kind's name and its fields (as the REST API receives it).
     *
     * @return the new task's id
     * @throws InvalidTaskException      when the kind is unknown or a field breaks a rule
     * @throws QueueUnavailableException when the broker cannot take it (nothing is kept)
     * @throws StoreUnavailableException when the store cannot be reached (nothing is enqueued)
     */
    public String submit(String type, JsonObject fields) {
        TaskKind kind = kinds.require(type);
        return accept(kind, binder.bind(kind, fields));
    }

    /** Accepts a task from a web form's fields (strings). See {@link #submit(String, JsonObject)}. */
    public String submitForm(String type, Map<String, String> fields) {
        TaskKind kind = kinds.require(type);
        return accept(kind, binder.bind(kind, fields));
    }

    private String accept(TaskKind kind, BoundInput input) {
        String id = ids.get();
        Instant now = clock.instant();
        store.create(TaskRecord.pending(id, kind.name(), input.json(), now, instance.name()));
        try {
            queue.publish(new TaskMessage(id, kind.name(), input.json(), now), kind.policy().queue());
        } catch (RuntimeException e) {
            withdraw(id);
            throw e;
        }
        metrics.submitted(kind.name());
        LOG.fine(() -> "task " + id + " (" + kind.name() + ") accepted");
        return id;
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

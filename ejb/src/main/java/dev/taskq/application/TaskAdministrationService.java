package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What an operator does to tasks from the dashboard or the admin API: cancel a task that has not started, requeue
 * a failed one, delete a finished one. Each checks the state atomically in the store; a task in another state is
 * refused with {@link TaskStateConflictException}, an unknown id with {@link TaskNotFoundException}.
 */
@ApplicationScoped
public class TaskAdministrationService {
    private static final Logger LOG = Logger.getLogger(TaskAdministrationService.class.getName());

    @Inject
    TaskQueryService queries;
    @Inject
    TaskControl control;
    @Inject
    TaskStore store;
    @Inject
    TaskQueue queue;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    InstanceIdentity instance;

    /**
     * PENDING, STARTED or RETRY → REVOKED: a task that has not started never runs; a running one has its handler
     * interrupted (it sees {@code cancelled()}), and nothing it returns is committed.
     */
    public void cancel(String id, String operator) {
        TaskRecord task = existing(id);
        Instant now = clock.instant();
        TaskState was = control.revoke(task.id(), now, instance.name(), "cancelled by " + operator)
                .orElseThrow(() -> new TaskNotFoundException(task.id()));
        if (!was.canMoveTo(TaskState.REVOKED)) {
            throw new TaskStateConflictException(task.id(), "cancelled", was, TaskState.from(TaskState.REVOKED)
                    .stream().map(Enum::name).collect(java.util.stream.Collectors.joining(" or ")));
        }
        metrics.revoked(task.type());
        LOG.info(() -> "task " + task.id() + " cancelled by " + operator);
    }

    /**
     * FAILURE → PENDING, enqueued again: it gets new attempts, and its history keeps the failed run. When the
     * broker does not take it, the task goes back to FAILURE (with that reason) and the exception is thrown.
     */
    public void requeue(String id, String operator) {
        TaskRecord task = existing(id);
        Instant now = clock.instant();
        require(task, "requeued", TaskState.FAILURE,
                control.requeue(task.id(), now, instance.name(), "requeued by " + operator));
        try {
            queue.publish(new TaskMessage(task.id(), task.type(), task.input(), now), kinds.queueOf(task.type()));
        } catch (RuntimeException e) {
            store.finish(task.id(), TaskState.FAILURE, null, "requeue failed: the queue did not take the task",
                    clock.instant(), instance.name());
            throw e;
        }
        metrics.requeued(task.type());
        LOG.info(() -> "task " + task.id() + " requeued by " + operator);
    }

    /** Deletes a finished (SUCCESS, FAILURE, REVOKED) task and its history. */
    public void delete(String id, String operator) {
        TaskRecord task = existing(id);
        Optional<TaskState> before = control.remove(task.id());
        if (before.isEmpty()) {
            throw new TaskNotFoundException(id);
        }
        if (!before.get().isTerminal()) {
            throw new TaskStateConflictException(task.id(), "deleted", before.get(), "finished");
        }
        LOG.info(() -> "task " + task.id() + " deleted by " + operator);
    }

    private TaskRecord existing(String id) {
        return queries.find(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    private static void require(TaskRecord task, String action, TaskState required, Optional<TaskState> before) {
        TaskState was = before.orElseThrow(() -> new TaskNotFoundException(task.id()));
        if (was != required) {
            throw new TaskStateConflictException(task.id(), action, was, required.name());
        }
    }
}

package dev.taskq.infrastructure.redis;

import dev.taskq.application.TaskStore;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the task indexes ({@link RedisTaskIndex}) in step with every change the task store makes, right after it.
 * The state change itself stays the store's one atomic script; should the index update fail (Redis gone in
 * between), the change stands and the index is repaired by the next change of that task or by the dashboard's
 * reads, which re-index any task whose record disagrees with the set it was listed from.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class IndexingTaskStore implements TaskStore {
    private static final Logger LOG = Logger.getLogger(IndexingTaskStore.class.getName());

    @Inject
    @Delegate
    @Any
    TaskStore store;
    @Inject
    RedisTaskIndex index;

    @Override
    public void create(TaskRecord pending) {
        store.create(pending);
        reindex(pending.id(), pending.submittedAt());
    }

    @Override
    public void delete(String id) {
        store.delete(id);
        reindex(id, null);
    }

    @Override
    public OptionalInt beginAttempt(String id, Instant now, String instance) {
        OptionalInt attempt = store.beginAttempt(id, now, instance);
        if (attempt.isPresent()) {
            reindex(id, null);
        }
        return attempt;
    }

    @Override
    public void recordRetry(String id, int attempt, String error, Instant now, String instance) {
        store.recordRetry(id, attempt, error, now, instance);
        reindex(id, null);
    }

    @Override
    public boolean finish(String id, TaskState terminal, String result, String error, Instant now,
            String instance) {
        boolean committed = store.finish(id, terminal, result, error, now, instance);
        if (committed) {
            reindex(id, null);
        }
        return committed;
    }

    private void reindex(String id, Instant submittedAt) {
        try {
            index.reindex(id, submittedAt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task " + id + " could not be re-indexed now; it is repaired later: " + e);
        }
    }
}

package dev.taskq.application;

import dev.taskq.application.TaskAttempt.AttemptsExhaustedException;
import dev.taskq.application.TaskAttempt.Outcome;
import dev.taskq.application.TaskAttempt.RetryableAttemptException;
import dev.taskq.application.TaskAttempt.TaskSettledException;
import dev.taskq.application.TaskStore.TaskEffect;
import dev.taskq.domain.TaskKind;
import java.util.List;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Runs one task taken from the queue: its attempts (with retries), then the outcome committed once —
 * SUCCESS with the result or FAILURE with the last error. A message whose task is already terminal (a
 * redelivery) is skipped; a task left STARTED by a worker that died is run again. When this method returns the
 * outcome is in the store and the message may be acknowledged; when it throws, it must not be.
 */
@ApplicationScoped
public class TaskExecutionService {
    private static final Logger LOG = Logger.getLogger(TaskExecutionService.class.getName());

    @Inject
    TaskAttempts defaultPolicy;
    @Inject
    KindPolicyAttempts kindPolicy;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskStore store;
    @Inject
    Clock clock;
    @Inject
    InstanceIdentity instance;
    @Inject
    TaskMetrics metrics;
    @Inject
    TaskQueue queue;
    @Inject
    StoreOutageBackoff storeOutage;
    @Inject
    WorkerActivity activity;
    @Inject
    TaskStatistics statistics;

    /**
     * Runs the task a queue message carries.
     *
     * @throws UnreadableTaskMessageException when this deployment has no kind of that name (the caller dead-letters it)
     * @throws StoreUnavailableException      when the store cannot be reached (after a back-off pause): the message
     *                                        must go back to the queue
     */
    public void execute(TaskMessage message) {
        TaskKind kind = kinds.find(message.type()).orElseThrow(() -> new UnreadableTaskMessageException(
                "unknown task type '" + message.type() + "' (this deployment runs: " + kinds.names() + ")"));
        activity.taskTaken();
        try {
            run(message, kind);
        } catch (StoreUnavailableException e) {
            storeOutage.pause(e);
            throw e;
        } finally {
            activity.taskReleased();
        }
        storeOutage.reachable();
    }

    private void run(TaskMessage message, TaskKind kind) {
        String id = message.id();
        Instant taken = clock.instant();
        try {
            Outcome outcome = kind.policy().platformDefault() ? defaultPolicy.run(message, kind)
                    : kindPolicy.run(message, kind);
            commit(message, TaskState.SUCCESS, outcome.result(), null, outcome.effects(), taken);
        } catch (TaskSettledException e) {
            LOG.info(() -> "task " + id + " is already terminal; message skipped");
        } catch (RetryableAttemptException | AttemptsExhaustedException e) {
            commit(message, TaskState.FAILURE, null, e.getMessage(), List.of(), taken);
        }
    }

    /**
     * Sets aside a queue message that is not a task taskq can run: it goes to the dead-letter queue with the
     * reason. When this returns the message may be acknowledged.
     */
    public void deadLetter(String body, String reason) {
        queue.deadLetter(body, reason);
        metrics.deadLettered();
        LOG.warning(() -> "unreadable message moved to the dead-letter queue: " + reason);
    }

    private void commit(TaskMessage message, TaskState outcome, String result, String error,
            List<TaskEffect> effects, Instant taken) {
        String id = message.id();
        Instant now = clock.instant();
        boolean committed = store.finish(id, outcome, result, error, now, instance.name(), effects);
        if (committed) {
            Instant submittedAt = message.submittedAt();
            Duration latency = submittedAt == null ? Duration.ZERO : Duration.between(submittedAt, now);
            metrics.finished(message.type(), outcome, latency);
            metrics.processed(message.type(), Duration.between(taken, now));
            activity.finished(outcome);
            statistics.finished(outcome, now, latency);
            LOG.fine(() -> "task " + id + " " + outcome);
        } else {
            LOG.info(() -> "task " + id + " was already terminal; " + outcome + " not committed again");
        }
    }
}

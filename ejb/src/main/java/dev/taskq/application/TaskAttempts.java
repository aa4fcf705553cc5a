package dev.taskq.application;

import dev.taskq.domain.RetryPolicy;
import dev.taskq.domain.TaskFailedException;
import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Runs a task's work, one attempt per call, under MicroProfile Fault Tolerance: a failed attempt is retried
 * {@value RetryPolicy#MAX_RETRIES} times after a delay ({@code taskq.retry.delay-ms}). Each attempt is recorded in
 * the store before it runs (STARTED, attempt n) and, when it fails and another follows, after it (RETRY).
 */
@ApplicationScoped
public class TaskAttempts {
    private static final Logger LOG = Logger.getLogger(TaskAttempts.class.getName());

    @Inject
    TaskStore store;
    @Inject
    Clock clock;
    @Inject
    InstanceIdentity instance;
    @Inject
    TaskMetrics metrics;
    @Inject
    @ConfigProperty(name = "taskq.work.delay-ms")
    long workDelayMs;

    /**
     * Runs one attempt of the task.
     *
     * @return the task's result
     * @throws TaskFailedException       the attempt failed and another will follow (Fault Tolerance retries it)
     * @throws AttemptsExhaustedException the last allowed attempt failed
     * @throws TaskSettledException       the task is already terminal or unknown: nothing to run
     */
    @Retry(maxRetries = RetryPolicy.MAX_RETRIES, delay = 5000, jitter = 0, retryOn = TaskFailedException.class,
            abortOn = {AttemptsExhaustedException.class, TaskSettledException.class})
    public String run(String taskId, TaskInput input) {
        int attempt = store.beginAttempt(taskId, clock.instant(), instance.name())
                .orElseThrow(() -> new TaskSettledException(taskId));
        metrics.attemptStarted(input.kind(), attempt);
        try {
            simulateWork();
            return TaskWork.perform(input);
        } catch (TaskFailedException e) {
            if (!RetryPolicy.willRetryAfter(attempt)) {
                throw new AttemptsExhaustedException(e.getMessage(), e);
            }
            LOG.info(() -> "task " + taskId + " attempt " + attempt + " failed, will retry: " + e.getMessage());
            store.recordRetry(taskId, attempt, e.getMessage(), clock.instant(), instance.name());
            throw e;
        }
    }

    private void simulateWork() {
        if (workDelayMs <= 0) {
            return;
        }
        try {
            Thread.sleep(workDelayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working", e);
        }
    }

    /** The last allowed attempt of a task failed. */
    public static class AttemptsExhaustedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttemptsExhaustedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The task is already terminal (or gone): a redelivered message, nothing to run. */
    public static class TaskSettledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskSettledException(String taskId) {
            super("task " + taskId + " is already settled");
        }
    }
}

package dev.taskq.application;

import dev.taskq.api.TaskFailedException;
import dev.taskq.api.TaskHandler;
import dev.taskq.application.HandlerThreads.AbandonedException;
import dev.taskq.application.HandlerThreads.TimeLimitExceededException;
import dev.taskq.application.TaskStore.TaskEffect;
import dev.taskq.domain.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One attempt of a task, the body that MicroProfile Fault Tolerance retries ({@link TaskAttempts},
 * {@link KindPolicyAttempts}): it is recorded in the store before it runs (STARTED, attempt n), the kind's handler
 * runs on a handler thread within the kind's time limit, and a failure that another attempt follows is recorded
 * after it (RETRY).
 */
@ApplicationScoped
public class TaskAttempt {
    private static final Logger LOG = Logger.getLogger(TaskAttempt.class.getName());

    @Inject
    TaskStore store;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskInputBinder binder;
    @Inject
    HandlerThreads threads;
    @Inject
    RunningAttempts running;
    @Inject
    Clock clock;
    @Inject
    InstanceIdentity instance;
    @Inject
    TaskMetrics metrics;
    @Inject
    @ConfigProperty(name = "taskq.tasks.log-lines")
    int logLines;
    @Inject
    @ConfigProperty(name = "taskq.tasks.log-line-length")
    int logLineLength;

    /** What a successful attempt produced: its result and the effects to commit with it. */
    public record Outcome(String result, List<TaskEffect> effects) {
    }

    /**
     * Runs the next attempt of a task.
     *
     * @param pauseBeforeRetry whether a failed attempt waits its kind's retry delay itself (for a kind with a policy
     *                         of its own), rather than leaving the pause to the Fault Tolerance annotation
     * @throws RetryableAttemptException  the attempt failed and another will follow
     * @throws AttemptsExhaustedException the last allowed attempt failed
     * @throws TaskSettledException       the task is already terminal, unknown, or was revoked while it ran
     */
    public Outcome run(TaskMessage message, TaskKind kind, boolean pauseBeforeRetry) {
        String id = message.id();
        int number = store.beginAttempt(id, clock.instant(), instance.name())
                .orElseThrow(() -> new TaskSettledException(id));
        metrics.attemptStarted(kind.name(), number);
        AttemptContext context = new AttemptContext(id, kind.name(), number, logLines, logLineLength);
        TaskHandler<Object> handler = kinds.handler(kind);
        Object input = binder.rebind(kind, message.parameters());
        running.started(context);
        String failure;
        try {
            String result = threads.run(() -> handler.run(input, context), kind.policy().timeLimit(), context);
            if (!context.cancelled()) {
                return new Outcome(result, context.effects());
            }
            failure = null;
        } catch (TimeLimitExceededException e) {
            metrics.timedOut(kind.name());
            if (e.abandoned()) {
                metrics.abandoned(kind.name());
                LOG.warning(() -> "task " + id + " attempt " + number + " ignored its interruption at its time limit;"
                        + " its thread is left behind (" + threads.abandoned() + " so far), its worker slot is free");
            }
            failure = e.getMessage();
        } catch (AbandonedException e) {
            metrics.abandoned(kind.name());
            LOG.warning(() -> "task " + id + " was revoked and its handler ignored the interruption; its thread is"
                    + " left behind (" + threads.abandoned() + " so far), its worker slot is free");
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while task " + id + " ran", e);
        } catch (Exception e) {
            failure = messageOf(e);
        } finally {
            running.ended(context);
        }
        if (context.cancelled()) {
            LOG.info(() -> "task " + id + " attempt " + number + " stopped: the task was revoked");
            throw new TaskSettledException(id);
        }
        if (!kind.policy().willRetryAfter(number)) {
            throw new AttemptsExhaustedException(failure);
        }
        String error = failure;
        LOG.info(() -> "task " + id + " attempt " + number + " failed, will retry: " + error);
        store.recordRetry(id, number, failure, clock.instant(), instance.name());
        if (pauseBeforeRetry) {
            pause(kind.policy().delayAfter(number));
        }
        throw new RetryableAttemptException(failure);
    }

    /** A failed attempt's error: a TaskFailedException's message as it is, else "Type: message" or the type. */
    private static String messageOf(Exception e) {
        if (e instanceof TaskFailedException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** An attempt failed and another one follows (Fault Tolerance retries on this). */
    public static class RetryableAttemptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableAttemptException(String message) {
            super(message);
        }
    }

    /** The last allowed attempt of a task failed. */
    public static class AttemptsExhaustedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttemptsExhaustedException(String message) {
            super(message);
        }
    }

    /** The task is already terminal (or gone, or revoked): nothing to run or commit. */
    public static class TaskSettledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskSettledException(String taskId) {
            super("task " + taskId + " is already settled");
        }
    }
}

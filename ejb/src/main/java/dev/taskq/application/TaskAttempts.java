package dev.taskq.application;

import dev.taskq.application.TaskAttempt.AttemptsExhaustedException;
import dev.taskq.application.TaskAttempt.Outcome;
import dev.taskq.application.TaskAttempt.RetryableAttemptException;
import dev.taskq.application.TaskAttempt.TaskSettledException;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The attempts of a task whose kind has taskq's default policy (the seed kinds, and any kind that sets no retry
 * policy of its own), retried by MicroProfile Fault Tolerance with exactly this annotation's values:
 * {@code @Retry(maxRetries = 3)}, pausing {@code taskq.retry.delay-ms} between attempts (MicroProfile Config
 * {@code dev.taskq.application.TaskAttempts/run/Retry/delay}).
 *
 * <p>Why two Fault Tolerance beans (this one and {@link KindPolicyAttempts}): MicroProfile Fault Tolerance reads a
 * {@code @Retry}'s values from the annotation on the method (and from configuration keyed by class and method), once
 * per method, so one method cannot have a count and a pause per kind. The default policy therefore is a method of
 * its own, where Fault Tolerance counts and pauses; every other policy goes through {@link KindPolicyAttempts}.</p>
 */
@ApplicationScoped
public class TaskAttempts {

    @Inject
    TaskAttempt attempt;

    /** Runs the task's attempts until one succeeds or the last fails. */
    @Retry(maxRetries = TaskPolicy.DEFAULT_RETRIES, delay = 5000, jitter = 0, retryOn = RetryableAttemptException.class,
            abortOn = {AttemptsExhaustedException.class, TaskSettledException.class})
    public Outcome run(TaskMessage message, TaskKind kind) {
        return attempt.run(message, kind, false);
    }
}

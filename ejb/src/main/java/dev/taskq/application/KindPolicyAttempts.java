package dev.taskq.application;

import dev.taskq.application.TaskAttempt.AttemptsExhaustedException;
import dev.taskq.application.TaskAttempt.Outcome;
import dev.taskq.application.TaskAttempt.RetryableAttemptException;
import dev.taskq.application.TaskAttempt.TaskSettledException;
import dev.taskq.domain.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The attempts of a task whose kind has a retry policy of its own ({@code @TaskDefinition(retries = …,
 * retryDelay = …, backoff = …)} or {@code taskq.tasks.<name>.*}). MicroProfile Fault Tolerance is the retry engine
 * here too — it calls the attempt again after each {@link RetryableAttemptException}, and its retry metrics count
 * these calls ({@code ft_retry_*{method="dev.taskq.application.KindPolicyAttempts.run"}}) — but the count and the
 * pause are the kind's: the attempt that may not be followed ends the retries with
 * {@link AttemptsExhaustedException} (an {@code abortOn}), and a failed attempt waits the kind's back-off before it
 * returns to Fault Tolerance (whose own delay here is 0). {@value #MAX_RETRIES} is the ceiling of any kind's retries.
 */
@ApplicationScoped
public class KindPolicyAttempts {
    /** The most retries a kind may have. */
    public static final int MAX_RETRIES = 100;

    @Inject
    TaskAttempt attempt;

    /** Runs the task's attempts until one succeeds, the last one its kind allows fails, or it is revoked. */
    @Retry(maxRetries = MAX_RETRIES, delay = 0, jitter = 0, maxDuration = 1, durationUnit = ChronoUnit.DAYS, retryOn = RetryableAttemptException.class,
            abortOn = {AttemptsExhaustedException.class, TaskSettledException.class})
    public Outcome run(TaskMessage message, TaskKind kind) {
        return attempt.run(message, kind, true);
    }
}

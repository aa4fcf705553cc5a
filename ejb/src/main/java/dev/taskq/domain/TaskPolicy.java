package dev.taskq.domain;

import dev.taskq.api.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a kind's tasks run: how often a failed attempt is retried and after what pause, how long one attempt may
 * take, and on which queue they wait.
 *
 * @param retries       retries after the first failed attempt (attempts in all: retries + 1)
 * @param retryDelay    the pause before the first retry
 * @param backoff       how the pause grows
 * @param maxRetryDelay the longest pause (exponential back-off)
 * @param timeLimit     how long one attempt may run; null: no limit
 * @param queue         the logical queue name ({@value #DEFAULT_QUEUE} or the kind's own)
 * @param platformDefault whether this is taskq's default retry policy (the MicroProfile Fault Tolerance
 *                      annotation's own values), rather than one the kind or its configuration chose
 */
public record TaskPolicy(int retries, Duration retryDelay, Backoff backoff, Duration maxRetryDelay, Duration timeLimit,
        String queue, boolean platformDefault) {
    /** The queue of kinds that name none: {@code taskq.queue}. */
    public static final String DEFAULT_QUEUE = "default";
    /** The default policy's retries: the value of {@code @Retry(maxRetries = 3)}. */
    public static final int DEFAULT_RETRIES = 3;

    public TaskPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be ≥ 0, not " + retries);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(queue, "queue");
        if (retryDelay.isNegative() || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (timeLimit != null && (timeLimit.isZero() || timeLimit.isNegative())) {
            throw new IllegalArgumentException("a time limit must be positive, not " + timeLimit);
        }
    }

    /** Attempts in all before a task ends FAILURE. */
    public int maxAttempts() {
        return retries + 1;
    }

    /** Whether a failure of attempt {@code attempt} (1-based) is followed by another attempt. */
    public boolean willRetryAfter(int attempt) {
        return attempt < maxAttempts();
    }

    /** The pause after failed attempt {@code attempt} (1-based), before the next one. */
    public Duration delayAfter(int attempt) {
        if (backoff == Backoff.FIXED || attempt <= 1) {
            return retryDelay;
        }
        int doublings = Math.min(attempt - 1, 30);
        Duration grown = retryDelay.multipliedBy(1L << doublings);
        return grown.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : grown;
    }
}

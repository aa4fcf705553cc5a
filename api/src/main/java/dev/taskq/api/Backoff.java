package dev.taskq.api;

/** How the pause before a retry grows from one retry to the next. */
public enum Backoff {
    /** Every retry waits {@link TaskDefinition#retryDelay()}. */
    FIXED,
    /** Retry n waits {@code retryDelay × 2^(n-1)}, at most {@link TaskDefinition#maxRetryDelay()}. */
    EXPONENTIAL
}

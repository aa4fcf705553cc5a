package dev.taskq.domain;

/** How often a failing task is tried: once, then retried {@value #MAX_RETRIES} times, as in the original. */
public final class RetryPolicy {
    /** Retries after the first failed attempt (the value of {@code @Retry(maxRetries = 3)}). */
    public static final int MAX_RETRIES = 3;
    /** Attempts in all before a task ends FAILURE. */
    public static final int MAX_ATTEMPTS = 1 + MAX_RETRIES;

    private RetryPolicy() {
    }

    /** Whether a failure of attempt {@code attempt} (1-based) is followed by another attempt. */
    public static boolean willRetryAfter(int attempt) {
        return attempt < MAX_ATTEMPTS;
    }
}

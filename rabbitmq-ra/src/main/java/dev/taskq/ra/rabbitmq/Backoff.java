package dev.taskq.ra.rabbitmq;

/**
 * An exponential back-off sequence: {@code initial, 2*initial, 4*initial, ...} capped at {@code max}.
 * Immutable and thread-safe; callers keep their own attempt counter.
 */
final class Backoff {

    private final long initialMs;
    private final long maxMs;

    Backoff(long initialMs, long maxMs) {
        if (initialMs < 1) {
            throw new IllegalArgumentException("initial delay must be >= 1 ms, was " + initialMs);
        }
        if (maxMs < initialMs) {
            throw new IllegalArgumentException("max delay (" + maxMs + " ms) must be >= initial delay (" + initialMs + " ms)");
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    long initialMs() {
        return initialMs;
    }

    long maxMs() {
        return maxMs;
    }

    /**
     * @param attempt 1 for the delay before the first retry, 2 for the second, ...; values below 1 count as 1
     * @return the delay in milliseconds, never more than {@code max}
     */
    long delayMs(int attempt) {
        int shift = Math.max(0, attempt - 1);
        if (shift >= 62) {
            return maxMs;
        }
        long factor = 1L << shift;
        if (initialMs > maxMs / factor) {
            return maxMs;
        }
        return Math.min(maxMs, initialMs * factor);
    }

    @Override
    public String toString() {
        return "Backoff[" + initialMs + ".." + maxMs + " ms]";
    }
}

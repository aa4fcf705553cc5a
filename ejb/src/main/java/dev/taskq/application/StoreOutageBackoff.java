package dev.taskq.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Paces the workers while the task store (Redis) cannot be reached. A worker whose task hit the outage waits here
 * before its message goes back to the queue, longer with every failure in a row (shared by all workers of this
 * instance): {@value #FIRST_PAUSE_MS} ms doubling up to {@value #MAX_PAUSE_MS} ms, so an outage costs a few
 * attempts a second rather than a busy loop. The outage is logged once when it starts and once when it is over.
 */
@ApplicationScoped
public class StoreOutageBackoff {
    private static final Logger LOG = Logger.getLogger(StoreOutageBackoff.class.getName());
    static final long FIRST_PAUSE_MS = 100;
    static final long MAX_PAUSE_MS = 5_000;

    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong outageSince = new AtomicLong();

    /** A task could not be run or committed because the store is unreachable: waits before it is given back. */
    public void pause(StoreUnavailableException cause) {
        int failures = failuresInARow.incrementAndGet();
        if (failures == 1) {
            outageSince.set(System.nanoTime());
            LOG.warning(() -> "the task store is not reachable (" + cause.getMessage() + "); task messages stay "
                    + "on the queue and are tried again with back-off up to " + MAX_PAUSE_MS + " ms");
        }
        try {
            Thread.sleep(pauseMs(failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task reached the store again: the outage, if there was one, is over. */
    public void reachable() {
        if (failuresInARow.getAndSet(0) > 0) {
            Duration down = Duration.ofNanos(System.nanoTime() - outageSince.get());
            LOG.info(() -> "the task store is reachable again after " + down.toMillis() + " ms");
        }
    }

    /** The pause after the {@code failures}-th failure in a row: 100, 200, 400 … ms, at most 5 s. */
    static long pauseMs(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 16);
        return Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << doublings);
    }
}

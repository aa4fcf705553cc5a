package dev.taskq.infrastructure.execution;

import dev.taskq.application.HandlerThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link HandlerThreads} on threads of the container's {@link ManagedThreadFactory} (so handlers see the
 * application's class loader, naming and CDI), pooled and reused: there are never more busy than attempts running,
 * plus those left behind. The waiting thread checks every {@value #POLL_MS} ms whether the attempt was revoked.
 *
 * <p>Before it parks, the waiting thread looks {@value #QUICK_CHECKS} times whether the attempt has ended, giving up
 * its core in between ({@link Thread#yield()}), so that the handler thread can run on it. Many attempts end within
 * microseconds, and such an attempt is then picked up without a wake-up of the waiting thread: on the drain
 * benchmark, about 8 % more tasks per second (docs/performance.md, 2026-12-06). An attempt that takes longer costs
 * these few microseconds once.</p>
 */
@ApplicationScoped
public class ManagedHandlerThreads implements HandlerThreads {
    private static final long POLL_MS = 100;
    /** how often the waiting thread looks for an attempt that ended at once, yielding its core, before it parks */
    private static final int QUICK_CHECKS = 20;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    @Inject
    @ConfigProperty(name = "taskq.tasks.interrupt-grace-ms")
    long graceMs;

    private ExecutorService pool;
    private final AtomicInteger abandoned = new AtomicInteger();

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threadFactory);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public <T> T run(Callable<T> work, Duration timeLimit, Watched watched) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Future<T> future = pool.submit(() -> {
            watched.runsOn(Thread.currentThread());
            try {
                return work.call();
            } finally {
                watched.runsOn(null);
                done.countDown();
            }
        });
        for (int i = 0; i < QUICK_CHECKS && !future.isDone(); i++) {
            Thread.yield();
        }
        long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
        long cancelledAt = 0;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    future.cancel(true);
                    boolean stopped = done.await(graceMs, TimeUnit.MILLISECONDS);
                    countIfAbandoned(stopped);
                    throw new TimeLimitExceededException(timeLimit, !stopped);
                }
                if (watched.cancelled()) {
                    if (cancelledAt == 0) {
                        cancelledAt = System.nanoTime();
                    } else if (System.nanoTime() - cancelledAt > TimeUnit.MILLISECONDS.toNanos(graceMs)) {
                        future.cancel(true);
                        countIfAbandoned(false);
                        throw new AbandonedException();
                    }
                }
                try {
                    return future.get(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MS),
                            TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not done yet: look at the deadline and the revocation again
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private void countIfAbandoned(boolean stopped) {
        if (!stopped) {
            abandoned.incrementAndGet();
        }
    }

    @Override
    public int abandoned() {
        return abandoned.get();
    }
}

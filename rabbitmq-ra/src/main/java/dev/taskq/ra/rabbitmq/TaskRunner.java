package dev.taskq.ra.rabbitmq;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * Runs the adapter's short background tasks (connection attempts, closing connections) on the container's
 * {@link WorkManager}, and delays them with the container-provided {@link Timer}. Message deliveries do not run here:
 * they run on the RabbitMQ client's threads.
 */
final class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());
    private static final AtomicInteger FALLBACK_THREADS = new AtomicInteger();

    private final WorkManager workManager;
    private final Timer timer;

    TaskRunner(WorkManager workManager, Timer timer) {
        this.workManager = workManager;
        this.timer = timer;
    }

    /** Runs {@code task} as soon as possible on another thread. */
    void execute(String name, Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "Background task '" + name + "' failed", e);
            }
        };
        if (workManager != null) {
            try {
                workManager.scheduleWork(new Work() {
                    @Override
                    public void run() {
                        guarded.run();
                    }

                    @Override
                    public void release() {
                        // tasks are short and check their own stop conditions
                    }

                    @Override
                    public String toString() {
                        return "rabbitmq-ra: " + name;
                    }
                });
                return;
            } catch (WorkException | RuntimeException e) {
                LOG.log(Level.FINE, "WorkManager rejected task '" + name + "', running it on a new thread", e);
            }
        }
        Thread t = new Thread(guarded, "rabbitmq-ra-" + FALLBACK_THREADS.incrementAndGet() + "-" + name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code task} (via {@link #execute}) after {@code delayMs}.
     *
     * @return the timer task, to cancel it
     */
    TimerTask schedule(String name, Runnable task, long delayMs) {
        TimerTask timerTask = new TimerTask() {
            @Override
            public void run() {
                execute(name, task);
            }
        };
        try {
            timer.schedule(timerTask, Math.max(0, delayMs));
        } catch (IllegalStateException e) {
            // timer cancelled: the adapter is stopping
            LOG.log(Level.FINE, "Timer cancelled, not scheduling '" + name + "'", e);
        }
        return timerTask;
    }

    void shutdown() {
        timer.cancel();
    }
}

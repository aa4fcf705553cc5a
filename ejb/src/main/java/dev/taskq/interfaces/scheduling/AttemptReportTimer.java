package dev.taskq.interfaces.scheduling;

import dev.taskq.application.RunningAttempts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code taskq.tasks.report-interval-ms} (a few times a second) writes what the running attempts' handlers
 * reported and looks for revocations ({@link RunningAttempts#report()}); costs nothing while no task runs. A
 * container-managed scheduled executor rather than an EJB timer, whose interval may not be under a second.
 */
@Singleton
@Startup
public class AttemptReportTimer {
    private static final Logger LOG = Logger.getLogger(AttemptReportTimer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    RunningAttempts running;
    @Inject
    @ConfigProperty(name = "taskq.tasks.report-interval-ms")
    long intervalMs;

    private ScheduledFuture<?> reports;

    @PostConstruct
    void start() {
        reports = scheduler.scheduleWithFixedDelay(this::report, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            running.report();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not report the running tasks' progress", e);
        }
    }

    @PreDestroy
    void stop() {
        reports.cancel(false);
    }
}

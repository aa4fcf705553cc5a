package dev.taskq.interfaces.scheduling;

import dev.taskq.application.DueTaskDispatcher;
import dev.taskq.application.ScheduleService;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.infrastructure.config.ConfiguredSchedules;
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
 * Every {@code taskq.scheduling.poll-ms} enqueues what has fallen due ({@link DueTaskDispatcher#dispatch()}), on
 * every instance (unless {@code taskq.scheduling.enabled=false}); the first pass that reaches Redis also stores the
 * configuration's schedules. A container-managed scheduled executor rather than an EJB timer, whose interval may
 * not be under a second.
 */
@Singleton
@Startup
public class DueTaskTimer {
    private static final Logger LOG = Logger.getLogger(DueTaskTimer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    DueTaskDispatcher dispatcher;
    @Inject
    ScheduleService schedules;
    @Inject
    ConfiguredSchedules configured;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.enabled")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.poll-ms")
    long pollMs;

    private ScheduledFuture<?> passes;
    private volatile boolean configurationStored;
    private volatile boolean failing;

    @PostConstruct
    void start() {
        if (enabled) {
            passes = scheduler.scheduleWithFixedDelay(this::pass, pollMs, pollMs, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("taskq.scheduling.enabled=false: this instance enqueues no delayed or recurring tasks");
        }
    }

    private void pass() {
        try {
            if (!configurationStored) {
                schedules.upsertConfigured(configured.read());
                configurationStored = true;
            }
            dispatcher.dispatch();
            if (failing) {
                failing = false;
                LOG.info("due tasks are enqueued again");
            }
        } catch (StoreUnavailableException | QueueUnavailableException e) {
            if (!failing) {
                failing = true;
                LOG.warning("due tasks cannot be enqueued for now (" + e.getMessage() + "); they wait, and are"
                        + " enqueued when Redis and RabbitMQ answer again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not enqueue the due tasks; the next pass tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (passes != null) {
            passes.cancel(false);
        }
    }
}

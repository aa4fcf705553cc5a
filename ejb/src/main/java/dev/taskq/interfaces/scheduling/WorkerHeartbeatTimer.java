package dev.taskq.interfaces.scheduling;

import dev.taskq.application.TaskIndexMaintenance;
import dev.taskq.application.WorkerHeartbeatService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's heartbeat: from start-up, every {@code taskq.workers.heartbeat-seconds} it reports itself to the
 * worker registry (and about once a minute tidies the task list's indexes); at shutdown it signs off, so the
 * dashboard shows it offline at once. A heartbeat that cannot reach Redis is skipped; the next one tries again.
 */
@Singleton
@Startup
public class WorkerHeartbeatTimer {
    private static final Logger LOG = Logger.getLogger(WorkerHeartbeatTimer.class.getName());
    private static final long SWEEP_EVERY_MS = 60_000;

    @Resource
    TimerService timers;
    @Inject
    WorkerHeartbeatService heartbeat;
    @Inject
    TaskIndexMaintenance maintenance;
    @Inject
    @ConfigProperty(name = "taskq.workers.heartbeat-seconds")
    long heartbeatSeconds;

    private long lastSweep;

    @PostConstruct
    void start() {
        safely("index the tasks stored before the task indexes", maintenance::indexOldTasks);
        timers.createIntervalTimer(0, heartbeatSeconds * 1000, new TimerConfig("taskq-heartbeat", false));
    }

    @Timeout
    void tick() {
        safely("send a heartbeat", heartbeat::beat);
        long now = System.currentTimeMillis();
        if (now - lastSweep >= SWEEP_EVERY_MS) {
            lastSweep = now;
            safely("drop expired tasks from the task list", maintenance::forgetExpired);
        }
    }

    @PreDestroy
    void stop() {
        safely("sign off", heartbeat::signOff);
    }

    private static void safely(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + ": " + e);
        }
    }
}

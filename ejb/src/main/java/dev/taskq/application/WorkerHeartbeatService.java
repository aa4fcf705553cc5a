package dev.taskq.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells the registry, every few seconds, that this instance is alive and what its workers are doing. */
@ApplicationScoped
public class WorkerHeartbeatService {

    @Inject
    WorkerRegistry registry;
    @Inject
    WorkerActivity activity;
    @Inject
    InstanceIdentity instance;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "taskq.workers")
    int poolSize;
    @Inject
    @ConfigProperty(name = "taskq.workers.forget-after-seconds")
    long forgetAfterSeconds;

    private final String host = hostName();

    public void beat() {
        registry.beat(new WorkerStatus(instance.name(), host, activity.startedAt(), poolSize, activity.busy(),
                activity.processed(), activity.failed(), clock.instant(), null), Duration.ofSeconds(forgetAfterSeconds));
    }

    public void signOff() {
        registry.signOff(instance.name(), clock.instant());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package dev.taskq.interfaces.health;

import dev.taskq.application.InstanceIdentity;
import dev.taskq.application.WorkerActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application answers at all: a restart would not help when RabbitMQ or Redis is down (that is
 * readiness), so liveness does not depend on them. The data names the instance and what its workers do.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Inject
    InstanceIdentity instance;
    @Inject
    WorkerActivity activity;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("taskq-process").up()
                .withData("instance", instance.name())
                .withData("started_at", activity.startedAt().toString())
                .withData("busy_workers", activity.busy())
                .build();
    }
}

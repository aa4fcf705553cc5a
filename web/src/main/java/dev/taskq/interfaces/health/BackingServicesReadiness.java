package dev.taskq.interfaces.health;

import dev.taskq.application.ReadinessService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when RabbitMQ and Redis both answer; the data says which one does not. */
@Readiness
@ApplicationScoped
public class BackingServicesReadiness implements HealthCheck {

    @Inject
    ReadinessService readiness;

    @Override
    public HealthCheckResponse call() {
        Map<String, String> services = readiness.backingServices();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("taskq-backing-services");
        services.forEach(response::withData);
        return response.status(services.values().stream().allMatch(ReadinessService.UP::equals)).build();
    }
}

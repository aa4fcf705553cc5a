package dev.taskq.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The pause the seed kinds take to simulate work ({@code taskq.work.delay-ms}); ends early when interrupted. */
@ApplicationScoped
public class SimulatedWork {
    @Inject
    @ConfigProperty(name = "taskq.work.delay-ms")
    long delayMs;

    /** Sleeps the work delay. */
    void pause() throws InterruptedException {
        if (delayMs > 0) {
            Thread.sleep(delayMs);
        }
    }
}

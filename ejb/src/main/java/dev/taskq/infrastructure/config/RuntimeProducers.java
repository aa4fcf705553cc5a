package dev.taskq.infrastructure.config;

import dev.taskq.application.InstanceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the clock (UTC system time) and this instance's name. */
@ApplicationScoped
public class RuntimeProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code taskq.instance.name} when set, else {@code <host>-<pid>}. */
    @Produces
    @Singleton
    InstanceIdentity instance(@ConfigProperty(name = "taskq.instance.name") Optional<String> configured) {
        return new InstanceIdentity(configured.orElseGet(RuntimeProducers::hostAndPid));
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}

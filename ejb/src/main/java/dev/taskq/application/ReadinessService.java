package dev.taskq.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Whether taskq can do its work: both backing services, RabbitMQ and Redis, answer. */
@ApplicationScoped
public class ReadinessService {

    @Inject
    TaskStore store;
    @Inject
    TaskQueue queue;

    /** Each backing service ({@code rabbitmq}, {@code redis}) with {@code "UP"} or what is wrong with it. */
    public Map<String, String> backingServices() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("rabbitmq", probe(queue::ping));
        status.put("redis", probe(store::ping));
        return status;
    }

    private static String probe(Runnable ping) {
        try {
            ping.run();
            return UP;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    public static final String UP = "UP";
}

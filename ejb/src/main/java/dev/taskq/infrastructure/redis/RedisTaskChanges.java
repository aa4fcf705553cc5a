package dev.taskq.infrastructure.redis;

import dev.taskq.application.TaskChange;
import dev.taskq.application.TaskChanges;
import dev.taskq.domain.TaskState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * {@link TaskChanges} from the channel {@code <prefix>:tasks:changes}, on which every script that commits a state
 * change publishes it ({@code publish_change} of task-index.lua). One subscriber connection per instance, on a
 * managed thread started by the first watch (a worker node that nobody asks never opens it); when Redis goes away it
 * subscribes again with back-off (100 ms doubling to 5 s), and then tells every listener the current state of its
 * task (a change committed meanwhile was not heard).
 */
@ApplicationScoped
public class RedisTaskChanges implements TaskChanges {
    private static final Logger LOG = Logger.getLogger(RedisTaskChanges.class.getName());
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5000;
    // made once: Json.createReader looks the JSON-P provider up with a ServiceLoader per call, which on the one
    // subscriber thread held every change back by seconds at 200 tasks/s (docs/performance.md)
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Inject
    RedisConnection redis;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    private final Map<String, Set<Consumer<TaskChange>>> listeners = new ConcurrentHashMap<>();
    private final Subscriber subscriber = new Subscriber();
    private Thread thread;
    private volatile boolean stopped;
    private volatile long backoff = FIRST_BACKOFF_MS;

    @Override
    public Subscription watch(Collection<String> ids, Consumer<TaskChange> listener) {
        startOnce();
        for (String id : ids) {
            listeners.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(listener);
        }
        return () -> ids.forEach(id -> listeners.computeIfPresent(id, (key, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        }));
    }

    /** The channel the scripts publish on. */
    String channel() {
        return redis.key("tasks", "changes");
    }

    /** Passes one published message to the listeners of its task. */
    void dispatch(String message) {
        TaskChange change;
        if (listeners.isEmpty()) {
            return;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(message))) {
            JsonObject json = reader.readObject();
            String id = json.getString("task_id");
            TaskState state = TaskState.valueOf(json.getString("state"));
            Instant at = Instant.parse(json.getString("at"));
            change = json.getBoolean("report", false)
                    ? TaskChange.reported(id, state, at, json.containsKey("progress") ? json.getInt("progress") : null,
                            json.getString("message", null))
                    : new TaskChange(id, state, at);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable task change message: " + message, e);
            return;
        }
        tell(change);
    }

    private void tell(TaskChange change) {
        Set<Consumer<TaskChange>> watching = listeners.get(change.taskId());
        if (watching != null) {
            for (Consumer<TaskChange> listener : watching) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a task change listener failed", e);
                }
            }
        }
    }

    private synchronized void startOnce() {
        if (thread == null && !stopped) {
            thread = threadFactory.newThread(this::listen);
            thread.setName("taskq-task-changes");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void listen() {
        boolean heardBefore = false;
        while (!stopped) {
            try (Jedis jedis = redis.connectionOfItsOwn("taskq-changes")) {
                subscriber.afterGap = heardBefore;
                heardBefore = true;
                jedis.subscribe(subscriber, channel());
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.WARNING, "not hearing task changes from Redis (" + e.getMessage() + "); again in "
                        + backoff + " ms");
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Tells every listener its task's current state (changes may have been missed while not subscribed). */
    private void catchUp() {
        for (String id : List.copyOf(listeners.keySet())) {
            try {
                List<String> fields = redis.jedis().hmget(redis.key("task", id), "state");
                if (fields.get(0) != null) {
                    tell(new TaskChange(id, TaskState.valueOf(fields.get(0)), Instant.now()));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "no catch-up of task " + id, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        try {
            if (subscriber.isSubscribed()) {
                subscriber.unsubscribe();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unsubscribing at shutdown", e);
        }
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private final class Subscriber extends JedisPubSub {
        volatile boolean afterGap;

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            backoff = FIRST_BACKOFF_MS;
            if (afterGap) {
                LOG.info("hearing task changes from Redis again");
                catchUp();
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            dispatch(message);
        }
    }
}

package dev.taskq.infrastructure.plugins;

import dev.taskq.api.index.TaskKindIndexer;
import dev.taskq.domain.TaskPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@value #KEY}, the queues this instance consumes with their consumers, for the message-driven bean's
 * activation ({@code destination}, which the resource adapter reads as {@code queue:consumers,…}): each logical
 * queue in {@code taskq.queues} ({@code all}: {@code default} and every queue a task kind of this deployment names,
 * read from the kinds' compile-time index)
 * becomes {@code taskq.queue} (for {@code default}) or {@code <taskq.queue>.<name>}, with
 * {@code taskq.queues.<name>.concurrency} consumers ({@code taskq.workers} when unset). Its ordinal is low, so an
 * explicit {@value #KEY} anywhere else wins.
 */
public class ConsumedQueuesConfigSource implements ConfigSource {
    public static final String KEY = "taskq.consumer.destinations";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null;
        }
        // the application's class loader (this source is loaded from it), not the thread's: the resource adapter
        // resolves its activation on a server thread
        ClassLoader loader = ConsumedQueuesConfigSource.class.getClassLoader();
        Config config = ConfigProvider.getConfig(loader);
        String base = config.getValue("taskq.queue", String.class);
        int workers = config.getOptionalValue("taskq.workers", Integer.class).orElse(4);
        StringJoiner destinations = new StringJoiner(",");
        for (String queue : consumedQueues(config, loader)) {
            int consumers = config.getOptionalValue("taskq.queues." + queue + ".concurrency", Integer.class)
                    .orElse(workers);
            destinations.add(physicalName(base, queue) + ":" + consumers);
        }
        return destinations.toString();
    }

    /** The RabbitMQ queue of logical queue {@code queue}. */
    public static String physicalName(String base, String queue) {
        return TaskPolicy.DEFAULT_QUEUE.equals(queue) ? base : base + "." + queue;
    }

    private static Set<String> consumedQueues(Config config, ClassLoader loader) {
        String listed = config.getOptionalValue("taskq.queues", String.class).orElse("all").strip();
        Set<String> queues = new LinkedHashSet<>();
        for (String name : listed.split(",")) {
            String queue = name.strip();
            if (queue.equals("all")) {
                queues.add(TaskPolicy.DEFAULT_QUEUE);
                queues.addAll(indexedQueues(loader));
                for (String kind : config.getPropertyNames()) {
                    // queues moved by configuration (taskq.tasks.<name>.queue)
                    if (kind.startsWith("taskq.tasks.") && kind.endsWith(".queue")) {
                        config.getOptionalValue(kind, String.class).ifPresent(q -> queues.add(q.strip()));
                    }
                }
            } else if (!queue.isEmpty()) {
                queues.add(queue);
            }
        }
        return queues;
    }

    /**
     * The queues the task kinds visible to {@code loader} name, from their modules' compile-time indexes
     * ({@link TaskKindIndexer#INDEX}): the message-driven bean is activated before CDI has found the handlers.
     */
    static Set<String> indexedQueues(ClassLoader loader) {
        Set<String> queues = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(TaskKindIndexer.INDEX);
            while (indexes.hasMoreElements()) {
                try (InputStream in = indexes.nextElement().openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String[] fields = line.split("\t");
                        if (fields.length == 3) {
                            queues.add(fields[1]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task kinds' index " + TaskKindIndexer.INDEX, e);
        }
        return queues;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "taskq consumed queues (taskq.queues)";
    }
}

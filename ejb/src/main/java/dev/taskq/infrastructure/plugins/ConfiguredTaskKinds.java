package dev.taskq.infrastructure.plugins;

import dev.taskq.api.Backoff;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskHandler;
import dev.taskq.application.TaskDueTime;
import dev.taskq.application.TaskInputFields;
import dev.taskq.application.TaskKinds;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import dev.taskq.domain.InputField;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * {@link TaskKinds} from the handlers {@link TaskHandlerDiscovery} found: each kind's input type is the type argument
 * of its {@code TaskHandler<I>}, its policy the handler's {@link TaskDefinition}, overridden key by key by
 * {@code taskq.tasks.<name>.retries}, {@code .retry-delay}, {@code .backoff}, {@code .max-retry-delay},
 * {@code .time-limit}, {@code .queue} and {@code .ui} (durations in ISO-8601, e.g. {@code PT30S}, or seconds).
 */
@ApplicationScoped
public class ConfiguredTaskKinds implements TaskKinds {

    @Inject
    TaskHandlerDiscovery discovery;
    @Inject
    BeanManager beans;
    @Inject
    Config config;
    @Inject
    Validator validator;

    /**
     * Names a request uses beside the kind's fields: to name the kind ({@code type}, and {@code form_type} on the
     * seed API) and to say when it runs ({@code run_at}, {@code delay}).
     */
    static final Set<String> RESERVED_FIELDS = Set.of("type", "form_type", TaskDueTime.RUN_AT, TaskDueTime.DELAY);

    /** The kinds of the running deployment, for what runs outside CDI (the OpenAPI filter). */
    private static volatile Collection<TaskKind> deployed = List.of();

    private final Map<String, TaskKind> kinds = new TreeMap<>();
    private final Map<String, TaskHandler<Object>> handlers = new TreeMap<>();

    @PostConstruct
    void build() {
        long defaultDelayMs = config.getValue("taskq.retry.delay-ms", Long.class);
        Function<String, Optional<String>> settings = key -> config.getOptionalValue(key, String.class);
        discovery.handlers().forEach((name, type) -> {
            kinds.put(name, describe(type, validator, settings, defaultDelayMs));
            @SuppressWarnings("unchecked")
            TaskHandler<Object> handler = (TaskHandler<Object>) beans.createInstance().select(type).get();
            handlers.put(name, handler);
        });
    }

    /**
     * Builds the registry when the application starts, so that a bad {@code taskq.tasks.*} setting fails the start
     * rather than the first task, and publishes the kinds for {@link #deployed()}.
     */
    void publish(@Observes Startup startup) {
        deployed = List.copyOf(kinds.values());
    }

    /**
     * The kinds of the deployment that started last in this class loader, for code that CDI does not reach (the
     * OpenAPI filter runs in Payara's own OpenAPI application, where {@code CDI.current()} is not this application).
     */
    public static Collection<TaskKind> deployed() {
        return deployed;
    }

    /**
     * The kind a handler class defines: its {@link TaskDefinition}, its input's fields, and its policy with the
     * {@code taskq.tasks.<name>.*} settings {@code settings} gives applied.
     */
    public static TaskKind describe(Class<?> handlerType, Validator validator,
            Function<String, Optional<String>> settings, long defaultDelayMs) {
        TaskDefinition definition = handlerType.getAnnotation(TaskDefinition.class);
        String name = definition.name();
        Class<?> input = inputTypeOf(handlerType);
        List<InputField> fields = TaskInputFields.of(input, validator);
        if (fields.stream().anyMatch(f -> RESERVED_FIELDS.contains(f.name()))) {
            throw new IllegalStateException("task kind '" + name + "' (" + handlerType.getName() + "): its input may"
                    + " have no field named " + RESERVED_FIELDS + ", which the request uses to name the kind and its due time");
        }
        Settings kindSettings = new Settings(name, settings);
        return new TaskKind(name, definition.title(), definition.description(), input,
                fields, policy(definition, kindSettings, defaultDelayMs),
                kindSettings.get("ui", Boolean::parseBoolean).orElse(definition.ui()));
    }

    @Override
    public Collection<TaskKind> all() {
        return kinds.values();
    }

    @Override
    public Optional<TaskKind> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(kinds.get(name));
    }

    @Override
    public TaskHandler<Object> handler(TaskKind kind) {
        return handlers.get(kind.name());
    }

    private static TaskPolicy policy(TaskDefinition definition, Settings settings, long defaultDelayMs) {
        Optional<Integer> retries = settings.get("retries", Integer::valueOf);
        Optional<Duration> delay = settings.get("retry-delay", ConfiguredTaskKinds::duration);
        Optional<Backoff> backoff = settings.get("backoff", v -> Backoff.valueOf(v.strip().toUpperCase(Locale.ROOT)));
        Duration annotatedDelay = definition.retryDelay().isBlank() ? null : duration(definition.retryDelay());
        boolean platformDefault = retries.isEmpty() && definition.retries() == TaskDefinition.DEFAULT_RETRIES
                && delay.isEmpty() && annotatedDelay == null && backoff.orElse(definition.backoff()) == Backoff.FIXED;
        return new TaskPolicy(
                retries.orElse(definition.retries() == TaskDefinition.DEFAULT_RETRIES
                        ? TaskPolicy.DEFAULT_RETRIES : definition.retries()),
                delay.orElse(annotatedDelay != null ? annotatedDelay : Duration.ofMillis(defaultDelayMs)),
                backoff.orElse(definition.backoff()),
                settings.get("max-retry-delay", ConfiguredTaskKinds::duration)
                        .orElse(duration(definition.maxRetryDelay())),
                settings.get("time-limit", ConfiguredTaskKinds::optionalDuration)
                        .orElse(Optional.ofNullable(definition.timeLimit().isBlank() ? null
                                : duration(definition.timeLimit()))).orElse(null),
                settings.get("queue", String::strip).orElse(definition.queue()),
                platformDefault);
    }

    /** The {@code taskq.tasks.<name>.*} settings of one kind. */
    private record Settings(String kind, Function<String, Optional<String>> lookup) {
        <T> Optional<T> get(String key, Function<String, T> parse) {
            String property = "taskq.tasks." + kind + "." + key;
            return lookup.apply(property).map(value -> {
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(property + " = '" + value + "' is not valid: "
                            + e.getMessage(), e);
                }
            });
        }
    }

    /** {@code PT30S}, or a number of seconds. */
    static Duration duration(String value) {
        String v = value.strip();
        try {
            return v.matches("\\d+(\\.\\d+)?") ? Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000))
                    : Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration (PT30S) nor seconds", e);
        }
    }

    private static Optional<Duration> optionalDuration(String value) {
        return value.isBlank() || value.strip().equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(duration(value));
    }

    /** The {@code I} of {@code TaskHandler<I>} as {@code type} (or a superclass) implements it. */
    static Class<?> inputTypeOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == TaskHandler.class
                        && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                    return input;
                }
            }
        }
        throw new IllegalStateException("task handler " + type.getName()
                + " must implement TaskHandler<I> with a concrete input type I");
    }
}

package dev.taskq.application;

import dev.taskq.api.TaskHandler;
import dev.taskq.domain.TaskKind;
import dev.taskq.infrastructure.plugins.ConfiguredTaskKinds;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** {@link TaskKinds} made from handler instances, as the deployment makes them from its beans (no CDI here). */
public final class TestKinds implements TaskKinds {
    private final Map<String, TaskKind> kinds = new TreeMap<>();
    private final Map<String, TaskHandler<Object>> handlers = new TreeMap<>();

    @SuppressWarnings("unchecked")
    public TestKinds(Validator validator, Map<String, String> settings, TaskHandler<?>... handlers) {
        Function<String, Optional<String>> lookup = key -> Optional.ofNullable(settings.get(key));
        for (TaskHandler<?> handler : handlers) {
            TaskKind kind = ConfiguredTaskKinds.describe(handler.getClass(), validator, lookup, 5000);
            kinds.put(kind.name(), kind);
            this.handlers.put(kind.name(), (TaskHandler<Object>) handler);
        }
    }

    @Override
    public Collection<TaskKind> all() {
        return kinds.values();
    }

    @Override
    public Optional<TaskKind> find(String name) {
        return Optional.ofNullable(name == null ? null : kinds.get(name));
    }

    @Override
    public TaskHandler<Object> handler(TaskKind kind) {
        return handlers.get(kind.name());
    }
}

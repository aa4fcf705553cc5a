package dev.taskq.interfaces.web;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskHandler;
import dev.taskq.application.TaskKinds;
import dev.taskq.domain.TaskKind;
import dev.taskq.infrastructure.plugins.ConfiguredTaskKinds;
import dev.taskq.kinds.EmailTask;
import dev.taskq.kinds.ReverseTask;
import dev.taskq.kinds.SentimentTask;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kinds the web tests see, described exactly as a deployment describes them (from the handler classes, their
 * input records and constraints): the three seed kinds, one kind with a field of every type, and one without a UI.
 */
final class Kinds implements TaskKinds {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Kinds ALL = new Kinds(EmailTask.class, ReverseTask.class, SentimentTask.class, Resize.class,
            Hidden.class);

    private final Map<String, TaskKind> kinds = new TreeMap<>();

    private Kinds(Class<?>... handlers) {
        for (Class<?> handler : handlers) {
            TaskKind kind = ConfiguredTaskKinds.describe(handler, VALIDATOR, key -> Optional.empty(), 100);
            kinds.put(kind.name(), kind);
        }
    }

    static TaskKind kind(String name) {
        return ALL.find(name).orElseThrow();
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
        throw new UnsupportedOperationException("the web tests run no task");
    }

    /** A kind as a team would write one: a field of each type, one retry. */
    @TaskDefinition(name = "resize", title = "Resize an image", retries = 1)
    static final class Resize implements TaskHandler<Resize.Request> {
        enum Format { PNG, JPEG }

        record Request(@NotNull @Size(max = 200) @TaskField(help = "where the image is") String url,
                @Min(16) @Max(4096) int width,
                @DecimalMin("0") @DecimalMax("1") BigDecimal quality,
                boolean keepMetadata,
                @NotNull Format format) {
        }

        @Override
        public String run(Request input, TaskContext context) {
            return "";
        }
    }

    /** A kind without a form. */
    @TaskDefinition(name = "hidden", title = "Not in the UI", ui = false)
    static final class Hidden implements TaskHandler<Hidden.Request> {
        record Request(String anything) {
        }

        @Override
        public String run(Request input, TaskContext context) {
            return "";
        }
    }
}

package dev.taskq.interfaces.web;

import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the forms tell the browser about a field before it is sent (whether it is required, how long it may be),
 * read from the Bean Validation rules of the domain inputs, so that the pages repeat no rule.
 */
@Named("rules")
@ApplicationScoped
public class InputRules {
    /** What an {@code int} attribute of a Faces component holds when it is not set (it is then not rendered). */
    static final int UNSET = Integer.MIN_VALUE;
    private static final Set<Class<? extends Annotation>> REQUIRING = Set.of(NotBlank.class, NotEmpty.class,
            NotNull.class);

    @Inject
    Validator validator;

    protected InputRules() {
        // for CDI
    }

    InputRules(Validator validator) {
        this.validator = validator;
    }

    /** Whether field {@code field} of a {@code kind} task must be given. */
    public boolean required(TaskKind kind, String field) {
        return constraints(kind, field).anyMatch(c -> REQUIRING.contains(c.getAnnotation().annotationType()));
    }

    /** The most characters field {@code field} of a {@code kind} task may hold, or {@link #UNSET}. */
    public int maxLength(TaskKind kind, String field) {
        return constraints(kind, field).filter(c -> c.getAnnotation() instanceof Size)
                .mapToInt(c -> ((Size) c.getAnnotation()).max()).min().orElse(UNSET);
    }

    private Stream<ConstraintDescriptor<?>> constraints(TaskKind kind, String field) {
        Class<? extends TaskInput> type = TaskInput.of(kind, Map.of()).getClass();
        PropertyDescriptor property = validator.getConstraintsForClass(type).getConstraintsForProperty(field);
        return property == null ? Stream.empty() : property.getConstraintDescriptors().stream();
    }
}

package dev.taskq.application;

import dev.taskq.api.TaskField;
import dev.taskq.domain.InputField;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of a kind's input type: a record's components (or a bean's fields) in declaration order, each
 * with the widget its Java type asks for and the limits its Bean Validation constraints set. Forms, the OpenAPI
 * schema and the binder all work from this one description.
 */
public final class TaskInputFields {
    /** A text that may be longer than this gets a text area. */
    static final int LONG_TEXT = 200;
    private static final Set<Class<? extends Annotation>> REQUIRING = Set.of(NotBlank.class, NotEmpty.class,
            NotNull.class);

    private TaskInputFields() {
    }

    /** The fields of {@code type}, in declaration order. */
    public static List<InputField> of(Class<?> type, Validator validator) {
        List<InputField> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(field(component.getName(), component.getType(), component, type, validator));
            }
        } else {
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.add(field(f.getName(), f.getType(), f, type, validator));
                }
            }
        }
        return fields;
    }

    private static InputField field(String name, Class<?> javaType, AnnotatedElement element, Class<?> owner,
            Validator validator) {
        PropertyDescriptor property = validator.getConstraintsForClass(owner).getConstraintsForProperty(name);
        List<Annotation> constraints = property == null ? List.of() : property.getConstraintDescriptors().stream()
                .map(ConstraintDescriptor::getAnnotation).map(Annotation.class::cast).toList();
        TaskField hints = element.getAnnotation(TaskField.class);
        if (hints == null && element instanceof RecordComponent component) {
            hints = component.getAccessor().getAnnotation(TaskField.class);
        }
        InputField.Type type = typeOf(javaType);
        boolean required = javaType.isPrimitive() && javaType != boolean.class
                || constraints.stream().anyMatch(c -> REQUIRING.contains(c.annotationType()));
        Integer maxLength = constraints.stream().filter(Size.class::isInstance).map(c -> ((Size) c).max())
                .min(Integer::compare).orElse(null);
        Long min = constraints.stream().map(TaskInputFields::minimum).filter(v -> v != null).max(Long::compare)
                .orElse(null);
        Long max = constraints.stream().map(TaskInputFields::maximum).filter(v -> v != null).min(Long::compare)
                .orElse(null);
        boolean multiline = type == InputField.Type.TEXT
                && ((hints != null && hints.multiline()) || maxLength == null || maxLength > LONG_TEXT);
        boolean email = constraints.stream().anyMatch(Email.class::isInstance);
        if (email) {
            multiline = false;
        }
        List<String> choices = javaType.isEnum()
                ? Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList() : List.of();
        String label = hints != null && !hints.label().isBlank() ? hints.label() : labelOf(name);
        return new InputField(name, label, hints == null ? "" : hints.help(), type, required, maxLength, min, max,
                multiline, email, choices);
    }

    private static InputField.Type typeOf(Class<?> javaType) {
        if (javaType == int.class || javaType == long.class || javaType == short.class || javaType == Integer.class
                || javaType == Long.class || javaType == Short.class || javaType == BigInteger.class) {
            return InputField.Type.INTEGER;
        }
        if (javaType == double.class || javaType == float.class || javaType == Double.class
                || javaType == Float.class || javaType == BigDecimal.class) {
            return InputField.Type.DECIMAL;
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return InputField.Type.BOOLEAN;
        }
        if (javaType.isEnum()) {
            return InputField.Type.CHOICE;
        }
        return InputField.Type.TEXT;
    }

    private static Long minimum(Annotation c) {
        if (c instanceof Min m) {
            return m.value();
        }
        if (c instanceof DecimalMin m) {
            return new BigDecimal(m.value()).longValue();
        }
        return null;
    }

    private static Long maximum(Annotation c) {
        if (c instanceof Max m) {
            return m.value();
        }
        if (c instanceof DecimalMax m) {
            return new BigDecimal(m.value()).longValue();
        }
        return null;
    }

    /** {@code maxWidth} → "Max width". */
    static String labelOf(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

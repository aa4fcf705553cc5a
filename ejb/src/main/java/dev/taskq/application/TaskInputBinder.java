package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.domain.InputField;
import dev.taskq.domain.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Validator;
import org.eclipse.yasson.YassonJsonb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a client sent for a kind (a JSON object from the API, or the strings of a web form) into the kind's
 * input: each known field converted to its type (a number may come as a string, as forms send it), the object bound
 * with JSON-B and checked with Bean Validation. One path for the API and the UI, so both refuse the same input with
 * the same messages.
 */
@ApplicationScoped
public class TaskInputBinder {
    private static final Jsonb JSONB = JsonbBuilder.create();
    // looked up once: Json.createObjectBuilder and Json.createValue look the provider up with a ServiceLoader on
    // every call, a scan of every jar of the application (docs/performance.md)
    private static final JsonProvider JSON = JsonProvider.provider();

    private Validator validator;

    protected TaskInputBinder() {
        // for CDI
    }

    @Inject
    public TaskInputBinder(Validator validator) {
        this.validator = validator;
    }

    /** A bound and valid input, and its canonical JSON (what is stored and queued). */
    public record BoundInput(Object value, JsonObject json) {
    }

    /**
     * Binds {@code fields} to {@code kind}'s input: the kind's fields are read from it, anything else (such as the
     * body's {@code type}) is ignored.
     *
     * @throws InvalidTaskException listing every field whose value has the wrong type or breaks a rule
     */
    public BoundInput bind(TaskKind kind, JsonObject fields) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonObjectBuilder converted = JSON.createObjectBuilder();
        for (InputField field : kind.fields()) {
            JsonValue value = fields.get(field.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            JsonValue typed = convert(field, value);
            if (typed == null) {
                violations.add(new FieldViolation(field.name(), expected(field)));
            } else {
                converted.add(field.name(), typed);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidTaskException(violations);
        }
        JsonObject json = converted.build();
        Object value;
        try {
            value = fromJson(json, kind.inputType());
        } catch (JsonbException e) {
            throw new InvalidTaskException(List.of(new FieldViolation("input", "cannot be read as a "
                    + kind.name() + " task: " + e.getMessage())));
        }
        List<FieldViolation> broken = violationsOf(value);
        if (!broken.isEmpty()) {
            throw new InvalidTaskException(broken);
        }
        return new BoundInput(value, json);
    }

    /** As {@link #bind(TaskKind, JsonObject)}, for a web form's strings (an empty string is a field left blank). */
    public BoundInput bind(TaskKind kind, Map<String, String> form) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        for (InputField field : kind.fields()) {
            String value = form.get(field.name());
            if (value == null || (value.isEmpty() && field.type() != InputField.Type.TEXT)) {
                continue;
            }
            fields.add(field.name(), value);
        }
        return bind(kind, fields.build());
    }

    /** Rebinds an input that was valid when it was accepted (a queue message's, a stored task's). */
    public Object rebind(TaskKind kind, JsonObject json) {
        return fromJson(json, kind.inputType());
    }

    /**
     * Binds a JSON object that is already parsed. With Yasson (the JSON-B of Payara, and of the tests) it is read as
     * it is; any other provider gets it as text. Writing the object out and parsing the text again was a tenth of a
     * worker's time per task (docs/performance.md, 2026-12-03).
     */
    private static Object fromJson(JsonObject json, Class<?> type) {
        return JSONB instanceof YassonJsonb yasson ? yasson.fromJsonStructure(json, type)
                : JSONB.fromJson(json.toString(), type);
    }

    /** The rules {@code input} breaks, ordered by field name; empty when it is valid. */
    public List<FieldViolation> violationsOf(Object input) {
        return validator.validate(input).stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
    }

    /** {@code value} as the JSON type {@code field} takes, or null when it cannot be one. */
    private static JsonValue convert(InputField field, JsonValue value) {
        return switch (field.type()) {
            case TEXT -> value instanceof JsonString ? value : null;
            case CHOICE -> value instanceof JsonString s && field.choices().contains(s.getString()) ? value : null;
            case INTEGER -> integer(value);
            case DECIMAL -> decimal(value);
            case BOOLEAN -> bool(value);
        };
    }

    private static JsonValue integer(JsonValue value) {
        BigDecimal number = number(value);
        if (number == null) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return value;
        }
        try {
            return JSON.createValue(number.longValueExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static JsonValue decimal(JsonValue value) {
        BigDecimal number = number(value);
        return value instanceof JsonNumber ? value : number == null ? null : JSON.createValue(number);
    }

    private static BigDecimal number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonValue bool(JsonValue value) {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value;
        }
        if (value instanceof JsonString s) {
            String text = s.getString().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("on")) {
                return JsonValue.TRUE;
            }
            if (text.equals("false") || text.equals("off") || text.isEmpty()) {
                return JsonValue.FALSE;
            }
        }
        return null;
    }

    private static String expected(InputField field) {
        return switch (field.type()) {
            case TEXT -> "must be a string";
            case CHOICE -> "must be one of: " + String.join(", ", field.choices());
            case INTEGER -> "must be a whole number";
            case DECIMAL -> "must be a number";
            case BOOLEAN -> "must be true or false";
        };
    }
}

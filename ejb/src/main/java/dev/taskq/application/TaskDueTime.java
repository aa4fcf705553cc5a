package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a submitted task is to run: at once, or later, as the submission's {@code run_at} (an RFC 3339 instant) or
 * {@code delay} (an ISO-8601 duration such as {@code PT30S}, or a number of seconds) says. The rules, the same for
 * the API and the UI: not both; a {@code run_at} at most {@code taskq.scheduling.past-tolerance} in the past (it
 * then runs at once); no later than {@code taskq.scheduling.max-delay} from now.
 */
@ApplicationScoped
public class TaskDueTime {
    /** The submission's property with the instant. */
    public static final String RUN_AT = "run_at";
    /** The submission's property with the delay. */
    public static final String DELAY = "delay";

    private Duration maxDelay;
    private Duration pastTolerance;

    protected TaskDueTime() {
        // for CDI
    }

    @Inject
    public TaskDueTime(@ConfigProperty(name = "taskq.scheduling.max-delay") Duration maxDelay,
            @ConfigProperty(name = "taskq.scheduling.past-tolerance") Duration pastTolerance) {
        this.maxDelay = maxDelay;
        this.pastTolerance = pastTolerance;
    }

    /**
     * The due time a submission asks for, when it is later than {@code now}; empty to run at once.
     *
     * @throws InvalidTaskException naming {@code run_at} or {@code delay} and what is wrong
     */
    public Optional<Instant> of(JsonObject submission, Instant now) {
        JsonValue runAt = present(submission.get(RUN_AT));
        JsonValue delay = present(submission.get(DELAY));
        if (runAt != null && delay != null) {
            throw invalid(DELAY, "give either run_at or delay, not both");
        }
        if (runAt != null) {
            if (!(runAt instanceof JsonString text)) {
                throw invalid(RUN_AT, runAtExpected());
            }
            return at(text.getString(), now);
        }
        if (delay != null) {
            return after(delayOf(delay), now);
        }
        return Optional.empty();
    }

    /**
     * As {@link #of(JsonObject, Instant)}, for the UI's one field "run at / in": an RFC 3339 instant, an ISO-8601
     * duration or a number of seconds (blank: at once).
     */
    public Optional<Instant> ofText(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.contains("-") && value.contains(":")) {
                return at(value, now);
            }
            return after(delayOf(value), now);
        } catch (InvalidTaskException e) {
            // the UI has one field for both: name it
            throw new InvalidTaskException(e.violations().stream()
                    .map(v -> new FieldViolation(RUN_AT, v.message())).toList());
        }
    }

    private Optional<Instant> at(String text, Instant now) {
        Instant due;
        try {
            due = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(RUN_AT, runAtExpected());
        }
        Duration ahead = Duration.between(now, due);
        if (ahead.negated().compareTo(pastTolerance) > 0) {
            throw invalid(RUN_AT, "is " + seconds(ahead.negated()) + " in the past; it may be at most "
                    + seconds(pastTolerance) + " in the past (taskq.scheduling.past-tolerance), and then runs at once");
        }
        checkWithinMax(RUN_AT, ahead);
        return ahead.compareTo(Duration.ZERO) > 0 ? Optional.of(due) : Optional.empty();
    }

    private Optional<Instant> after(Duration delay, Instant now) {
        if (delay.isNegative()) {
            throw invalid(DELAY, "must not be negative");
        }
        checkWithinMax(DELAY, delay);
        return delay.isZero() ? Optional.empty() : Optional.of(now.plus(delay));
    }

    private void checkWithinMax(String field, Duration ahead) {
        if (ahead.compareTo(maxDelay) > 0) {
            throw invalid(field, "is more than the longest delay allowed, " + maxDelay
                    + " (taskq.scheduling.max-delay), from now");
        }
    }

    private static Duration delayOf(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return seconds(number.bigDecimalValue());
        }
        if (value instanceof JsonString text) {
            return delayOf(text.getString());
        }
        throw invalid(DELAY, delayExpected());
    }

    private static Duration delayOf(String text) {
        String value = text.strip();
        try {
            return seconds(new BigDecimal(value));
        } catch (NumberFormatException e) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException notADuration) {
                throw invalid(DELAY, delayExpected());
            }
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        try {
            return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
        } catch (ArithmeticException e) {
            throw invalid(DELAY, "must be a number of seconds with at most 3 decimals");
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    private static JsonValue present(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : value;
    }

    private static String runAtExpected() {
        return "must be an RFC 3339 instant such as 2026-12-02T10:00:00Z";
    }

    private static String delayExpected() {
        return "must be an ISO-8601 duration such as PT30S, or a number of seconds";
    }

    private static InvalidTaskException invalid(String field, String message) {
        return new InvalidTaskException(List.of(new FieldViolation(field, message)));
    }
}

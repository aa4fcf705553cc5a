package dev.taskq.domain;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * A recurring schedule's cron expression in its time zone, read by cron-utils: five fields as in crontab
 * ({@code minute hour day-of-month month day-of-week}, e.g. {@code 30 2 * * 1-5}) or six with seconds in front
 * ({@code 0/2 * * * * *}, every 2 seconds; Spring's form). It tells a schedule's slots: the latest one at or before an instant, the
 * next one after it, and says the expression in words for the dashboard.
 */
public final class ScheduleCron {
    private static final CronParser FIVE_FIELDS = new CronParser(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SIX_FIELDS = new CronParser(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ZoneId zone;
    private final Cron cron;
    private final ExecutionTime times;

    private ScheduleCron(String expression, ZoneId zone, Cron cron) {
        this.expression = expression;
        this.zone = zone;
        this.cron = cron;
        this.times = ExecutionTime.forCron(cron);
    }

    /**
     * Reads {@code expression} (5 or 6 fields) for {@code zone}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static ScheduleCron parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required (5 fields, or 6 with seconds first)");
        }
        String normal = expression.strip().replaceAll("\\s+", " ");
        int fields = normal.split(" ").length;
        CronParser parser = switch (fields) {
            case 5 -> FIVE_FIELDS;
            case 6 -> SIX_FIELDS;
            default -> throw new IllegalArgumentException("'" + normal + "' has " + fields
                    + " fields; a cron expression has 5 (minute hour day-of-month month day-of-week) or 6 (seconds"
                    + " first)");
        };
        try {
            Cron cron = parser.parse(normal);
            cron.validate();
            ScheduleCron parsed = new ScheduleCron(normal, zone, cron);
            if (parsed.nextAfter(Instant.now()).isEmpty()) {
                throw new IllegalArgumentException("'" + normal + "' never fires");
            }
            return parsed;
        } catch (IllegalArgumentException | DateTimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(message.startsWith("'" + normal) ? message
                    : "'" + normal + "' is not a cron expression: " + message, e);
        }
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The latest slot at or before {@code instant}, if the expression ever fired before it. */
    public Optional<Instant> latestAtOrBefore(Instant instant) {
        ZonedDateTime second = instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        if (times.isMatch(second)) {
            return Optional.of(second.toInstant());
        }
        return times.lastExecution(second).map(ZonedDateTime::toInstant);
    }

    /** The first slot after {@code instant}. */
    public Optional<Instant> nextAfter(Instant instant) {
        return times.nextExecution(instant.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** The expression in English words, e.g. "every 2 seconds" (the expression itself when it has no words). */
    public String describe() {
        try {
            return CronDescriptor.instance(Locale.UK).describe(cron);
        } catch (RuntimeException e) {
            return expression;
        }
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}

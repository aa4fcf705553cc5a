package dev.taskq.domain;

import jakarta.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A recurring schedule: on every slot of its cron expression (in its time zone) it makes one task of a kind, with
 * the same input each time. Defined in configuration ({@code taskq.schedules.<id>.*}, source CONFIG) or through
 * the admin API (source API); either way it lives in Redis, where every instance fires it (no singleton).
 *
 * @param id            a short name: letters, digits, '-', '_' and '.', at most 64
 * @param name          what it is for, in words (the id when not given)
 * @param cron          when it fires
 * @param type          the task kind it makes
 * @param input         the kind's input (a JSON object, checked as a submitted task's is)
 * @param enabled       false while it is paused
 * @param missedRuns    what happens to slots missed while no instance ran
 * @param skipIfRunning whether a slot is skipped while the previous slot's task has not finished
 * @param source        where it was defined
 */
public record Schedule(String id, String name, ScheduleCron cron, String type, JsonObject input, boolean enabled,
        MissedRuns missedRuns, boolean skipIfRunning, Source source) {

    /** What a schedule's id may look like. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Where a schedule was defined. */
    public enum Source {
        /** MicroProfile Config, upserted when an instance starts. */
        CONFIG,
        /** The admin API or the dashboard. */
        API
    }

    /** The same schedule, paused ({@code false}) or running. */
    public Schedule withEnabled(boolean enabled) {
        return new Schedule(id, name, cron, type, input, enabled, missedRuns, skipIfRunning, source);
    }
}

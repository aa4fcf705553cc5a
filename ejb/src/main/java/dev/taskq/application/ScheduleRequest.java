package dev.taskq.application;

import jakarta.json.JsonObject;

/**
 * A recurring schedule as a client or the configuration writes it, not yet checked ({@link ScheduleService}).
 *
 * @param id            a short name (letters, digits, '-', '_', '.')
 * @param name          what it is for (optional: the id)
 * @param cron          5 fields, or 6 with seconds first
 * @param zone          the cron's time zone (optional: UTC)
 * @param type          the task kind
 * @param input         the kind's input (optional: empty)
 * @param enabled       whether it fires (optional: true)
 * @param missedRuns    {@code fire-once} (optional, the default) or {@code skip}
 * @param skipIfRunning whether a slot is skipped while the previous run has not finished (optional: false)
 */
public record ScheduleRequest(String id, String name, String cron, String zone, String type, JsonObject input,
        Boolean enabled, String missedRuns, Boolean skipIfRunning) {
}

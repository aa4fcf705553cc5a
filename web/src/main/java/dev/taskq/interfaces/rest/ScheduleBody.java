package dev.taskq.interfaces.rest;

import dev.taskq.application.ScheduleRequest;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a recurring schedule. */
@Schema(name = "ScheduleDefinition")
public record ScheduleBody(
        @Schema(description = "letters, digits, '.', '_', '-'; required to create, optional to replace",
                example = "nightly-digest") String id,
        @Schema(description = "what it is for (default: the id)") String name,
        @Schema(required = true, description = "5 fields (minute hour day-of-month month day-of-week) or 6 with "
                + "seconds first", example = "0 30 2 * * *") String cron,
        @Schema(description = "the cron's time zone (default UTC)", example = "Europe/Berlin") String zone,
        @Schema(required = true, description = "the task kind", example = "reverse") String type,
        @Schema(type = SchemaType.OBJECT, description = "the kind's input, as a task submission's fields")
        JsonObject input,
        @Schema(description = "default true") Boolean enabled,
        @Schema(description = "fire-once (default: one catch-up task after downtime) or skip")
        @JsonbProperty("missed_runs") String missedRuns,
        @Schema(description = "skip a slot while the previous run is still active (default false)")
        @JsonbProperty("skip_if_running") Boolean skipIfRunning) {

    ScheduleRequest toRequest() {
        return new ScheduleRequest(id, name, cron, zone, type, input, enabled, missedRuns, skipIfRunning);
    }
}

package dev.taskq.interfaces.rest;

import dev.taskq.application.ScheduleStatus;
import dev.taskq.application.ScheduleStatus.RunStatus;
import dev.taskq.domain.Schedule;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recurring schedule as {@code /api/admin/schedules} shows it, with its last runs, newest first. */
@Schema(name = "Schedule")
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "cron", "cronInWords", "zone", "type", "input", "enabled", "missedRuns",
        "skipIfRunning", "source", "nextRun", "lastSlot", "late", "overlapping", "runs"})
public record ScheduleView(
        String id,
        String name,
        String cron,
        @JsonbNillable @JsonbProperty("cron_in_words") String cronInWords,
        String zone,
        String type,
        @Schema(type = SchemaType.OBJECT, description = "the kind's input") JsonObject input,
        boolean enabled,
        @JsonbNillable @JsonbProperty("missed_runs") @Schema(enumeration = {"fire-once", "skip"}) String missedRuns,
        @JsonbNillable @JsonbProperty("skip_if_running") boolean skipIfRunning,
        @Schema(enumeration = {"CONFIG", "API"}) String source,
        @Schema(description = "its next slot (null while paused)")
        @JsonbNillable @JsonbProperty("next_run") Instant nextRun,
        @JsonbNillable @JsonbProperty("last_slot") Instant lastSlot,
        @Schema(description = "its last run fired over taskq.scheduling.late-after-ms after its slot, or its next "
                + "slot is overdue") boolean late,
        @Schema(description = "its last slot was skipped because the run before was still active, or two of its "
                + "runs are active at once") boolean overlapping,
        @Schema(type = SchemaType.ARRAY, implementation = RunView.class) List<RunView> runs) {

    static ScheduleView of(ScheduleStatus status) {
        Schedule s = status.schedule();
        return new ScheduleView(s.id(), s.name(), s.cron().expression(), status.cronInWords(),
                s.cron().zone().getId(), s.type(), s.input(), s.enabled(), s.missedRuns().label(),
                s.skipIfRunning(), s.source().name(), status.nextRun(), status.lastSlot(), status.late(),
                status.overlapping(), status.runs().stream().map(RunView::of).toList());
    }

    /** One slot as it went. */
    @Schema(name = "ScheduleRun")
    @JsonbNillable
    @JsonbPropertyOrder({"slot", "firedAt", "lateMs", "outcome", "missed", "taskId", "taskState", "instance"})
    public record RunView(
            Instant slot,
            @JsonbNillable @JsonbProperty("fired_at") Instant firedAt,
            @JsonbNillable @JsonbProperty("late_ms") long lateMs,
            @Schema(enumeration = {"FIRED", "CATCH_UP", "TRIGGERED", "SKIPPED_OVERLAP", "SKIPPED_MISSED"})
            String outcome,
            @Schema(description = "slots missed that this run covers (a catch-up) or skipped") int missed,
            @JsonbNillable @JsonbProperty("task_id") String taskId,
            @JsonbNillable @JsonbProperty("task_state") String taskState,
            String instance) {

        static RunView of(RunStatus status) {
            var run = status.run();
            return new RunView(run.slot(), run.firedAt(), run.lateness().toMillis(), run.outcome().name(),
                    run.missed(), run.taskId(), status.taskState() == null ? null : status.taskState().name(),
                    run.instance());
        }
    }
}

package dev.taskq.interfaces.rest;

import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskRecord;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A task as {@code GET /api/tasks/{id}} shows it. Absent values are written as {@code null} (a renamed property
 * needs its own {@code @JsonbNillable}: {@code @JsonbProperty}'s own nillable, false, wins over the class's).
 */
@JsonbNillable
@JsonbPropertyOrder({"taskId", "type", "state", "result", "error", "attempts", "progress", "progressMessage",
        "submittedAt", "runAt", "startedAt", "finishedAt", "input", "history"})
public record TaskView(
        @JsonbProperty("task_id") String taskId,
        String type,
        String state,
        String result,
        String error,
        int attempts,
        @Schema(description = "the progress its handler last reported, 0-100 (null: none)") Integer progress,
        @JsonbNillable @JsonbProperty("progress_message") String progressMessage,
        @JsonbNillable @JsonbProperty("submitted_at") Instant submittedAt,
        @Schema(description = "when it is due, for a task submitted with run_at or delay or made by a schedule")
        @JsonbNillable @JsonbProperty("run_at") Instant runAt,
        @JsonbNillable @JsonbProperty("started_at") Instant startedAt,
        @JsonbNillable @JsonbProperty("finished_at") Instant finishedAt,
        @Schema(type = SchemaType.OBJECT, description = "the input as accepted") JsonObject input,
        List<TaskEvent> history) {

    static TaskView of(TaskRecord task) {
        return new TaskView(task.id(), task.type(), task.state().name(), task.result(), task.error(),
                task.attempts(), task.progress(), task.progressMessage(), task.submittedAt(), task.runAt(), task.startedAt(),
                task.finishedAt(), task.input(), task.history());
    }
}

package dev.taskq.interfaces.rest;

import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskRecord;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task as {@code GET /api/tasks/{id}} shows it. Absent values are written as {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({"taskId", "type", "state", "result", "error", "attempts", "submittedAt", "startedAt",
        "finishedAt", "input", "history"})
public record TaskView(
        @JsonbProperty("task_id") String taskId,
        String type,
        String state,
        String result,
        String error,
        int attempts,
        @JsonbProperty("submitted_at") Instant submittedAt,
        @JsonbProperty("started_at") Instant startedAt,
        @JsonbProperty("finished_at") Instant finishedAt,
        Map<String, String> input,
        List<TaskEvent> history) {

    static TaskView of(TaskRecord task) {
        return new TaskView(task.id(), task.kind().wireName(), task.state().name(), task.result(), task.error(),
                task.attempts(), task.submittedAt(), task.startedAt(), task.finishedAt(), task.parameters(),
                task.history());
    }
}

package dev.taskq.interfaces.rest;

import dev.taskq.application.AcceptedTask;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an accepted submission: {@code {"task_id":…,"state":"PENDING"}}, or for a task that runs later
 * {@code {"task_id":…,"state":"SCHEDULED","run_at":"…"}}.
 */
public record TaskAccepted(@JsonbProperty("task_id") String taskId, String state,
        @Schema(description = "when it is due (SCHEDULED only)") @JsonbProperty("run_at") Instant runAt) {

    static TaskAccepted of(AcceptedTask task) {
        return new TaskAccepted(task.id(), task.state().name(), task.runAt());
    }
}

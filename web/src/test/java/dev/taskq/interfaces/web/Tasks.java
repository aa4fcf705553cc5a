package dev.taskq.interfaces.web;

import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Task records as the store gives them, for the web tests. */
final class Tasks {
    static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    private Tasks() {
    }

    static TaskRecord task(String id, String type, JsonObject input, TaskState state, int attempts, String result,
            String error, Integer progress, String progressMessage) {
        return new TaskRecord(id, type, input, state, result, error, attempts, AT, null, attempts > 0 ? AT : null,
                state.isTerminal() ? AT : null, progress, progressMessage,
                List.of(new TaskEvent(TaskState.PENDING, AT, 0, "i", null)));
    }

    static TaskRecord reverse(String id, TaskState state, String result) {
        return task(id, "reverse", TestJson.object("text", "abc"), state, state == TaskState.PENDING ? 0 : 1,
                result, null, null, null);
    }
}

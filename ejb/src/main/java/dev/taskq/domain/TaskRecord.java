package dev.taskq.domain;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A task as the system knows it: what was asked, where it stands, and how it got there.
 *
 * @param id              random UUID given at submission
 * @param type            the kind's name
 * @param input           the input as the client gave it, after binding and validation (a JSON object)
 * @param state           current state
 * @param result          the result, once SUCCESS
 * @param error           the last attempt's error (RETRY, FAILURE)
 * @param attempts        attempts started so far
 * @param submittedAt     when the task was accepted
 * @param runAt           when it is due, for a task that was accepted to run later (SCHEDULED until then); null
 *                        for one queued at once
 * @param startedAt       when its first attempt started
 * @param finishedAt      when it reached a terminal state
 * @param progress        the progress its handler last reported (0–100), or null
 * @param progressMessage what the handler said with it, or null
 * @param history         every state it passed through, oldest first
 */
public record TaskRecord(String id, String type, JsonObject input, TaskState state, String result,
        String error, int attempts, Instant submittedAt, Instant runAt, Instant startedAt, Instant finishedAt, Integer progress,
        String progressMessage, List<TaskEvent> history) {

    /** A task just accepted: PENDING, no attempts yet. */
    public static TaskRecord pending(String id, String type, JsonObject input, Instant now, String instance) {
        return new TaskRecord(id, type, input, TaskState.PENDING, null, null, 0, now, null, null, null, null, null,
                List.of(new TaskEvent(TaskState.PENDING, now, 0, instance, null)));
    }

    /**
     * A task just accepted to run at {@code runAt}: SCHEDULED until then, with {@code detail} (why, such as the
     * schedule that made it) in its first step.
     */
    public static TaskRecord scheduled(String id, String type, JsonObject input, Instant now, Instant runAt,
            String instance, String detail) {
        return new TaskRecord(id, type, input, TaskState.SCHEDULED, null, null, 0, now, runAt, null, null, null,
                null, List.of(new TaskEvent(TaskState.SCHEDULED, now, 0, instance, detail)));
    }
}

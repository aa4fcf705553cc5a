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
 * @param startedAt       when its first attempt started
 * @param finishedAt      when it reached a terminal state
 * @param progress        the progress its handler last reported (0–100), or null
 * @param progressMessage what the handler said with it, or null
 * @param history         every state it passed through, oldest first
 */
public record TaskRecord(String id, String type, JsonObject input, TaskState state, String result,
        String error, int attempts, Instant submittedAt, Instant startedAt, Instant finishedAt, Integer progress,
        String progressMessage, List<TaskEvent> history) {

    /** A task just accepted: PENDING, no attempts yet. */
    public static TaskRecord pending(String id, String type, JsonObject input, Instant now, String instance) {
        return new TaskRecord(id, type, input, TaskState.PENDING, null, null, 0, now, null, null, null, null,
                List.of(new TaskEvent(TaskState.PENDING, now, 0, instance, null)));
    }
}

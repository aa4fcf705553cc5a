package dev.taskq.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as the system knows it: what was asked, where it stands, and how it got there.
 *
 * @param id          random UUID given at submission
 * @param kind        what kind of work
 * @param parameters  the input, as {@link TaskInput#parameters()}
 * @param state       current state
 * @param result      the result, once SUCCESS
 * @param error       the last attempt's error (RETRY, FAILURE)
 * @param attempts    attempts started so far
 * @param submittedAt when the task was accepted
 * @param startedAt   when its first attempt started
 * @param finishedAt  when it reached a terminal state
 * @param history     every state it passed through, oldest first
 */
public record TaskRecord(String id, TaskKind kind, Map<String, String> parameters, TaskState state, String result,
        String error, int attempts, Instant submittedAt, Instant startedAt, Instant finishedAt,
        List<TaskEvent> history) {

    /** A task just accepted: PENDING, no attempts yet. */
    public static TaskRecord pending(String id, TaskInput input, Instant now, String instance) {
        return new TaskRecord(id, input.kind(), input.parameters(), TaskState.PENDING, null, null, 0, now, null,
                null, List.of(new TaskEvent(TaskState.PENDING, now, 0, instance, null)));
    }

    public TaskInput input() {
        return TaskInput.of(kind, parameters);
    }
}

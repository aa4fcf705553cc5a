package dev.taskq.interfaces.rest;

import java.util.List;

/**
 * The body of {@code POST /api/tasks}, held to its shape by {@link TaskBodyReader}: one task (a JSON object, see
 * {@link TaskBody}), or a batch, a JSON array of 1 to {@value #MAX_TASKS} such objects.
 *
 * @param tasks the tasks, in the order sent
 * @param batch whether they came as an array (then the answer is one too)
 */
public record TaskSubmissions(List<TaskBody> tasks, boolean batch) {
    /** The most tasks one batch may hold. */
    public static final int MAX_TASKS = 1000;
}

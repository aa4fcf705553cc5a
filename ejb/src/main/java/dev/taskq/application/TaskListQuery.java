package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.util.Locale;

/**
 * One page of the task list: optional filters, the order by submission time, and the window.
 *
 * @param state       only tasks in this state (null: all)
 * @param kind        only tasks of this kind (null: all)
 * @param idPrefix    only tasks whose id starts with this (null or blank: all)
 * @param newestFirst newest submissions first (else oldest first)
 * @param offset      tasks skipped
 * @param limit       tasks on the page
 */
public record TaskListQuery(TaskState state, String kind, String idPrefix, boolean newestFirst, int offset,
        int limit) {
    public static final int MAX_LIMIT = 100;

    public TaskListQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be ≥ 0 and limit 1…" + MAX_LIMIT);
        }
        idPrefix = idPrefix == null || idPrefix.isBlank() ? null : idPrefix.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a task passes the filters. */
    public boolean matches(TaskRecord task) {
        return (state == null || task.state() == state) && (kind == null || kind.equals(task.type()))
                && (idPrefix == null || task.id().startsWith(idPrefix));
    }
}

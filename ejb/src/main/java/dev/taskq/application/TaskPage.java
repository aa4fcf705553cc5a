package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import java.util.List;

/**
 * A page of the task list.
 *
 * @param tasks  the tasks on this page, in the query's order
 * @param total  how many tasks pass the filters in all
 * @param offset tasks before this page
 * @param limit  the page size asked for
 */
public record TaskPage(List<TaskRecord> tasks, long total, int offset, int limit) {
}

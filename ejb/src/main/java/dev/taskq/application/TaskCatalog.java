package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.util.Map;

/** Every task in the store, listed through indexes (not only what this instance saw), and their counts. */
public interface TaskCatalog {

    TaskPage list(TaskListQuery query);

    /** How many tasks are in each state (every state present, 0 when none). */
    Map<TaskState, Long> countsByState();

    /** Drops from the indexes up to {@code max} tasks whose records have expired; returns how many. */
    int forgetExpired(int max);

    /** Indexes the tasks stored before the indexes existed (once per store); returns how many. */
    int indexUnindexed();
}

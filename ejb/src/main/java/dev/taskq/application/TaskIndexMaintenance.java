package dev.taskq.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Keeps the task list's indexes tidy: indexes tasks stored before them, and drops expired tasks from them. */
@ApplicationScoped
public class TaskIndexMaintenance {
    private static final Logger LOG = Logger.getLogger(TaskIndexMaintenance.class.getName());
    /** Expired tasks looked at per state and sweep. */
    static final int SWEEP_SIZE = 200;

    @Inject
    TaskCatalog catalog;

    /** Once per store: indexes the tasks that were stored before the indexes existed. */
    public void indexOldTasks() {
        catalog.indexUnindexed();
    }

    /** Drops from the indexes tasks whose records have expired (oldest first). */
    public void forgetExpired() {
        int forgotten = catalog.forgetExpired(SWEEP_SIZE);
        if (forgotten > 0) {
            LOG.fine(() -> forgotten + " expired tasks dropped from the task list");
        }
    }
}

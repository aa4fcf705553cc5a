package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads tasks for the REST API and the UI; never touches the queue. */
@ApplicationScoped
public class TaskQueryService {

    @Inject
    TaskStore store;

    /** The task with this id; empty for an unknown id or one that is not a task id at all. */
    public Optional<TaskRecord> find(String id) {
        if (!isTaskId(id)) {
            return Optional.empty();
        }
        return store.find(id.toLowerCase(Locale.ROOT));
    }

    /** The log lines of the task with this id; empty for an unknown id. */
    public Optional<List<String>> logs(String id) {
        return find(id).map(task -> store.logs(task.id()));
    }

    /** Whether {@code id} has the shape of a task id (a UUID, in either case). */
    public static boolean isTaskId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

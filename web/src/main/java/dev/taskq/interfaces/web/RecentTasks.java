package dev.taskq.interfaces.web;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskKinds;
import dev.taskq.application.TaskQueryService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tasks submitted in this browser session, newest first (the last {@value #KEPT}), for the table on the main
 * page. Finished tasks never change again, so only the unfinished ones are read from the store on a refresh.
 */
@Named
@SessionScoped
public class RecentTasks implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many tasks the table shows. */
    static final int KEPT = 20;

    @Inject
    TaskQueryService queries;
    @Inject
    TaskKinds kinds;

    private final Deque<ShownTask> tasks = new ArrayDeque<>();
    private boolean storeUnavailable;

    /** Puts a just-submitted task on top. */
    public synchronized void add(ShownTask task) {
        tasks.addFirst(task);
        while (tasks.size() > KEPT) {
            tasks.removeLast();
        }
    }

    /** Reads the unfinished tasks again; a task the store no longer knows (expired) leaves the table. */
    public synchronized void refresh() {
        try {
            Deque<ShownTask> refreshed = new ArrayDeque<>(tasks.size());
            for (ShownTask task : tasks) {
                Optional<ShownTask> now = task.isTerminal() ? Optional.of(task)
                        : queries.find(task.getId()).map(t -> ShownTask.of(t, kinds));
                now.ifPresent(refreshed::addLast);
            }
            tasks.clear();
            tasks.addAll(refreshed);
            storeUnavailable = false;
        } catch (StoreUnavailableException e) {
            storeUnavailable = true;
        }
    }

    public synchronized List<ShownTask> getTasks() {
        return List.copyOf(tasks);
    }

    /** Whether some task is still moving, so the page should keep refreshing the table. */
    public synchronized boolean isLive() {
        return storeUnavailable || tasks.stream().anyMatch(t -> !t.isTerminal());
    }

    /**
     * The unfinished tasks, as the page follows them ({@link ShownTask#follow}); empty when the store could not be
     * read, so that the page falls back to refreshing by itself.
     */
    public synchronized String getFollow() {
        return storeUnavailable ? "" : ShownTask.follow(tasks);
    }

    /** Whether the last refresh could not reach the store (the states shown may be stale). */
    public synchronized boolean isStoreUnavailable() {
        return storeUnavailable;
    }
}

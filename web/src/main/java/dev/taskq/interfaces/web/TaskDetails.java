package dev.taskq.interfaces.web;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskKinds;
import dev.taskq.application.TaskQueryService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The details page, {@code /task.xhtml?id=…}: one task read from the store, read again while it is unfinished.
 * An unknown or malformed id answers 404 with a friendly page; an unreachable store answers 503.
 */
@Named
@ViewScoped
public class TaskDetails implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    TaskQueryService queries;
    @Inject
    TaskKinds kinds;

    private String id;
    private ShownTask task;
    private List<String> logs = List.of();
    private boolean storeUnavailable;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Reads the task (the page's view action, and each live refresh). */
    public void load() {
        read();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (task == null && !faces.isPostback()) {
            faces.getExternalContext().setResponseStatus(storeUnavailable ? 503 : 404);
        }
    }

    /**
     * Reads the task and its log lines from the store; when the store cannot be read, what was shown stays and
     * {@link #isStoreUnavailable()} says so.
     */
    void read() {
        try {
            task = queries.find(id).map(t -> ShownTask.of(t, kinds)).orElse(null);
            logs = task == null ? List.of() : List.copyOf(queries.logs(task.getId()).orElse(List.of()));
            storeUnavailable = false;
        } catch (StoreUnavailableException e) {
            storeUnavailable = true;
        }
    }

    /** The lines its handler logged, oldest first (the last ones the store keeps); empty when there are none. */
    public List<String> getLogs() {
        return logs;
    }

    /** The task, or null when there is no task with this id. */
    public ShownTask getTask() {
        return task;
    }

    public boolean isStoreUnavailable() {
        return storeUnavailable;
    }

    /** Whether the page should keep refreshing: the task is unfinished, or the store could not be read. */
    public boolean isLive() {
        return task != null && (!task.isTerminal() || storeUnavailable);
    }
}

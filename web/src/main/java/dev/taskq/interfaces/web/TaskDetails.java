package dev.taskq.interfaces.web;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskKinds;
import dev.taskq.application.TaskQueryService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.taskq.domain.TaskState;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The details page, {@code /task.xhtml?id=…}: one task read from the store, read again while it is unfinished.
 * An unknown or malformed id answers 404 with a friendly page; an unreachable store answers 503.
 */
@Named
@ViewScoped
public class TaskDetails implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long the page still refreshes after a task that had started was revoked. */
    static final Duration STOPPING = Duration.ofSeconds(5);

    @Inject
    TaskQueryService queries;
    @Inject
    TaskKinds kinds;
    /**
     * Transient: the producer's {@link Clock} is not passivation-capable, and a view-scoped bean must be; a copy
     * of this bean restored from a serialized session reads the system clock.
     */
    @Inject
    transient Clock clock;

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

    /**
     * Whether the page should keep refreshing: the task is unfinished, or the store could not be read, or it was
     * revoked less than {@link #STOPPING} ago (a running handler that was revoked is still stopping then, and the
     * lines it logs as it stops come after the REVOKED).
     */
    public boolean isLive() {
        return task != null && (!task.isTerminal() || storeUnavailable || isStopping());
    }

    /**
     * The task as the page follows it while live ({@link ShownTask#follow}): one that was revoked while running
     * too, for the lines it logs as it stops. Empty when the store could not be read (the page then refreshes by
     * itself).
     */
    public String getFollow() {
        return task == null || storeUnavailable || !isLive() ? "" : task.followed();
    }

    private boolean isStopping() {
        return TaskState.REVOKED.name().equals(task.getState()) && task.getStartedAt() != null
                && task.getFinishedAt() != null && task.getFinishedAt().plus(STOPPING)
                .isAfter((clock == null ? Clock.systemUTC() : clock).instant());
    }
}

package dev.taskq.interfaces.web.dashboard;

import static dev.taskq.interfaces.web.dashboard.OperatorActions.operator;

import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskAdministrationService;
import dev.taskq.application.TaskNotFoundException;
import dev.taskq.application.TaskStateConflictException;
import dev.taskq.domain.TaskState;
import dev.taskq.interfaces.web.ShownTask;
import dev.taskq.interfaces.web.ShownTask.Step;
import dev.taskq.interfaces.web.TaskDetails;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's task page, {@code /dashboard/task.xhtml?id=…}: the task (read as the public details page reads
 * it, {@link TaskDetails}) with every attempt (which instance ran
 * it, when, how long) and the operator's actions that fit its state: cancel (PENDING, STARTED, RETRY: a running task is
 * revoked), requeue (FAILURE), delete (finished).
 */
@Named
@ViewScoped
public class DashboardTask extends TaskDetails {
    private static final long serialVersionUID = 1L;

    @Inject
    TaskAdministrationService administration;

    private String notice;

    /**
     * Revokes the task: one that waits never runs; a running one is told to stop (its handler sees
     * {@code cancelled()} and is interrupted) and nothing it returns is committed.
     */
    public void cancel() {
        boolean running = getTask() != null && (TaskState.STARTED.name().equals(getTask().getState())
                || TaskState.RETRY.name().equals(getTask().getState()));
        act(() -> administration.cancel(getId(), operator()), running
                ? "Task revoked: its handler was told to stop, and nothing it returns is kept."
                : "Task cancelled: it will not run.");
    }

    public void requeue() {
        act(() -> administration.requeue(getId(), operator()), "Task requeued: it runs again.");
    }

    public void delete() throws IOException {
        if (act(() -> administration.delete(getId(), operator()), null)) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage("Task " + getId() + " deleted."));
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/dashboard/tasks.xhtml");
        }
    }

    /**
     * What the operator's last action here came to, kept by the view (not as a Faces message) so that the page's
     * refreshes, which render the details again, do not wipe it before it is read.
     */
    public String getNotice() {
        return notice;
    }

    private boolean act(Runnable action, String done) {
        try {
            action.run();
            notice = done;
            load();
            return true;
        } catch (TaskStateConflictException | TaskNotFoundException e) {
            notice = e.getMessage();
        } catch (StoreUnavailableException | QueueUnavailableException e) {
            notice = OperatorActions.BACKEND_DOWN;
        }
        load();
        return false;
    }

    /** Each attempt: which instance ran it, when it started, how it ended, and how long it took. */
    public List<Attempt> getAttempts() {
        List<Attempt> attempts = new ArrayList<>();
        ShownTask task = getTask();
        if (task == null) {
            return attempts;
        }
        List<Step> history = task.getHistory();
        int run = 1;
        for (int i = 0; i < history.size(); i++) {
            Step step = history.get(i);
            if (i > 0 && TaskState.PENDING.name().equals(step.getState())) {
                run++;
            }
            if (!TaskState.STARTED.name().equals(step.getState())) {
                continue;
            }
            Step end = i + 1 < history.size() ? history.get(i + 1) : null;
            attempts.add(new Attempt(run, step.getAttempt(), step.getInstance(), step,
                    end == null ? "running" : end.getState(),
                    end == null ? null : Duration.between(step.getAt(), end.getAt()).toMillis()));
        }
        return attempts;
    }

    /**
     * Whether it can be revoked, as the lifecycle says ({@link TaskState#canMoveTo}): it waits (PENDING), runs
     * (STARTED) or waits for its next attempt (RETRY).
     */
    public boolean isCancellable() {
        return getTask() != null && TaskState.valueOf(getTask().getState()).canMoveTo(TaskState.REVOKED);
    }

    public boolean isRequeueable() {
        return getTask() != null && getTask().isFailed();
    }

    public boolean isDeletable() {
        return getTask() != null && getTask().isTerminal();
    }

    /**
     * One attempt.
     *
     * @param run        which run of the task, counting across requeues (1-based)
     * @param number     the attempt number within its run
     * @param instance   the instance that ran it
     * @param start      its STARTED step
     * @param outcome    the state it ended in (RETRY, SUCCESS, FAILURE) or "running"
     * @param durationMs how long it took (null while running)
     */
    public record Attempt(int run, int number, String instance, Step start, String outcome, Long durationMs)
            implements Serializable {
        public int getRun() {
            return run;
        }

        public int getNumber() {
            return number;
        }

        public String getInstance() {
            return instance;
        }

        public Step getStart() {
            return start;
        }

        public String getOutcome() {
            return outcome;
        }

        public Long getDurationMs() {
            return durationMs;
        }
    }
}

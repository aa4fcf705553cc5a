package dev.taskq.interfaces.web.dashboard;

import static dev.taskq.interfaces.web.dashboard.OperatorActions.operator;

import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.ScheduleNotFoundException;
import dev.taskq.application.ScheduleService;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskKinds;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dashboard's Schedules page, {@code /dashboard/schedules.xhtml}: every recurring schedule with its cron in
 * words, next run, late/overlapping flags and last runs (refreshed while the page is open), and the operator's
 * actions on each: pause or resume, trigger now, delete. Thin: reads and acts through {@link ScheduleService}; the
 * actions are Faces posts, so they carry the view state as the other dashboard actions do.
 */
@Named
@ViewScoped
public class ScheduleList implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    ScheduleService schedules;
    @Inject
    TaskKinds kinds;

    private List<ShownSchedule> shown = List.of();
    private boolean storeUnavailable;

    /** Reads every schedule (the view action, and the page's refresh). */
    public void load() {
        try {
            shown = schedules.list().stream().map(s -> ShownSchedule.of(s, kinds.find(s.schedule().type())))
                    .toList();
            storeUnavailable = false;
        } catch (StoreUnavailableException e) {
            storeUnavailable = true;
        }
    }

    public void pause(String id) {
        act(id, () -> schedules.pause(id, operator()), "Schedule " + id + " paused: it does not fire until resumed.");
    }

    public void resume(String id) {
        act(id, () -> schedules.resume(id, operator()),
                "Schedule " + id + " resumed: it fires from its next slot on.");
    }

    public void trigger(String id) {
        act(id, () -> "Schedule " + id + " triggered: task " + schedules.trigger(id, operator()) + " made.", null);
    }

    public void delete(String id) {
        act(id, () -> {
            schedules.delete(id, operator());
            return null;
        }, "Schedule " + id + " deleted (the tasks it made stay).");
    }

    /** Runs {@code action}; says {@code done} (or what the action returns) or why nothing was done; reads again. */
    private void act(String id, Supplier<Object> action, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            Object said = action.get();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    done != null ? done : String.valueOf(said), null));
        } catch (ScheduleNotFoundException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "There is no schedule “" + id + "” any more (it may have been deleted).", null));
        } catch (StoreUnavailableException | QueueUnavailableException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, OperatorActions.BACKEND_DOWN, null));
        }
        load();
    }

    /** Every schedule, ordered as the service lists them. */
    public List<ShownSchedule> getSchedules() {
        return shown;
    }

    public boolean isStoreUnavailable() {
        return storeUnavailable;
    }
}

package dev.taskq.interfaces.web.dashboard;

import dev.taskq.application.DashboardQueryService;
import dev.taskq.application.DashboardQueryService.Queue;
import dev.taskq.application.DashboardQueryService.Worker;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's overview: tasks per state, the queues, every instance. Read once per request (the page
 * refreshes itself); a backing service that does not answer is said so instead of its figures.
 */
@Named
@RequestScoped
public class DashboardOverview {

    @Inject
    DashboardQueryService dashboard;

    private Map<TaskState, Long> counts;
    private List<Worker> workers;
    private List<Queue> queues;
    private boolean storeUnavailable;
    private boolean brokerUnavailable;

    public Map<TaskState, Long> getCounts() {
        if (counts == null && !storeUnavailable) {
            try {
                counts = dashboard.countsByState();
            } catch (StoreUnavailableException e) {
                storeUnavailable = true;
            }
        }
        return counts;
    }

    public List<TaskState> getStates() {
        return List.of(TaskState.values());
    }

    public List<Worker> getWorkers() {
        if (workers == null && !storeUnavailable) {
            try {
                workers = dashboard.workers();
            } catch (StoreUnavailableException e) {
                storeUnavailable = true;
            }
        }
        return workers;
    }

    /** Every queue of the deployment (the default, each kind's own, the dead letters), with its kinds. */
    public List<Queue> getQueues() {
        if (queues == null && !brokerUnavailable) {
            try {
                queues = dashboard.queuesWithKinds();
            } catch (QueueUnavailableException e) {
                brokerUnavailable = true;
            }
        }
        return queues;
    }

    public boolean isStoreUnavailable() {
        return storeUnavailable;
    }

    public boolean isBrokerUnavailable() {
        return brokerUnavailable;
    }
}

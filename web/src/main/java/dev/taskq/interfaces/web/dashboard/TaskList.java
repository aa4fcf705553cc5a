package dev.taskq.interfaces.web.dashboard;

import dev.taskq.application.DashboardQueryService;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskListQuery;
import dev.taskq.application.TaskPage;
import dev.taskq.application.TaskKinds;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import dev.taskq.interfaces.web.ShownTask;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's task list, {@code /dashboard/tasks.xhtml?state=…&kind=…&id=…&order=…&page=…}: every task in
 * the store, {@value #PAGE_SIZE} a page, filtered and ordered by the address (so a view can be bookmarked), with
 * the counts per state above it.
 */
@Named
@RequestScoped
public class TaskList {
    static final int PAGE_SIZE = 20;

    @Inject
    TaskKinds kinds;
    @Inject
    DashboardQueryService dashboard;

    private String state;
    private String kind;
    private String id;
    private String order;
    private int page = 1;

    private List<ShownTask> tasks = List.of();
    private long total;
    private Map<TaskState, Long> counts = Map.of();
    private boolean storeUnavailable;

    /** Reads the page (the view action). */
    public void load() {
        storeUnavailable = false;
        try {
            TaskPage found = dashboard.tasks(new TaskListQuery(stateFilter(), kindFilter(), id, !isOldestFirst(),
                    (Math.max(page, 1) - 1) * PAGE_SIZE, PAGE_SIZE));
            tasks = found.tasks().stream().map(t -> ShownTask.of(t, kinds)).toList();
            total = found.total();
            counts = dashboard.countsByState();
        } catch (StoreUnavailableException e) {
            storeUnavailable = true;
        }
    }

    private TaskState stateFilter() {
        return Arrays.stream(TaskState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
    }

    private String kindFilter() {
        return kind == null ? null : kinds.find(kind.toLowerCase(Locale.ROOT)).map(TaskKind::name).orElse(null);
    }

    public List<ShownTask> getTasks() {
        return tasks;
    }

    public long getTotal() {
        return total;
    }

    public Map<TaskState, Long> getCounts() {
        return counts;
    }

    public long getAllCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<TaskState> getStates() {
        return List.of(TaskState.values());
    }

    /** Every kind of this deployment (its registry), ordered by name, for the kind filter. */
    public List<TaskKind> getKinds() {
        return List.copyOf(kinds.all());
    }

    /** Whether the list should keep refreshing: a task on this page is unfinished, or the store was not read. */
    public boolean isLive() {
        return storeUnavailable || tasks.stream().anyMatch(t -> !t.isTerminal());
    }

    /** The unfinished tasks on this page, as the page follows them ({@link ShownTask#follow}). */
    public String getFollow() {
        return storeUnavailable ? "" : ShownTask.follow(tasks);
    }

    public boolean isStoreUnavailable() {
        return storeUnavailable;
    }

    /** "21–40" for the second page of 20 (empty when there are none). */
    public String getRange() {
        long first = (long) (Math.max(page, 1) - 1) * PAGE_SIZE + 1;
        return tasks.isEmpty() ? "0" : first + "–" + (first + tasks.size() - 1);
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return (long) page * PAGE_SIZE < total;
    }

    public boolean isOldestFirst() {
        return "oldest".equals(order);
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state == null || state.isBlank() ? null : state;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null || kind.isBlank() ? null : kind;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id.strip();
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 1);
    }
}

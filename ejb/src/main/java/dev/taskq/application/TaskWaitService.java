package dev.taskq.application;

import dev.taskq.domain.TaskRecord;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waiting for tasks without polling: an answer once a task has ended (or at a time limit), and a task's state
 * changes as they happen. Both register with {@link TaskChanges} before they read the store, so that no change
 * made between the read and the registration is missed.
 */
@ApplicationScoped
public class TaskWaitService {

    @Inject
    TaskQueryService queries;
    @Inject
    TaskChanges changes;
    @Inject
    @ConfigProperty(name = "taskq.api.max-wait")
    Duration maxWait;
    @Resource
    ManagedScheduledExecutorService timer;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    /**
     * Threads that read the ended task and answer its waiting request (the answer is written on the thread that
     * resumes it). The container's default scheduled executor has too few threads for that: at 200 tasks/s its
     * queue held answers back by seconds (docs/performance.md).
     */
    private ExecutorService answering;

    /** Threads answering waits. */
    static final int ANSWERING_THREADS = 8;

    @PostConstruct
    void start() {
        answering = Executors.newFixedThreadPool(ANSWERING_THREADS, threadFactory);
    }

    @PreDestroy
    void stop() {
        answering.shutdownNow();
    }

    /**
     * How long a client asked to wait: an ISO-8601 duration (PT10S) or whole seconds, at most
     * {@code taskq.api.max-wait}.
     *
     * @throws IllegalArgumentException for an unreadable or negative duration (the message says which)
     */
    public Duration waitTime(String text) {
        Duration wait;
        try {
            wait = text.chars().allMatch(Character::isDigit) && !text.isEmpty() ? Duration.ofSeconds(Long.parseLong(text))
                    : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("wait: '" + text + "' is not an ISO-8601 duration such as PT10S");
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait: must not be negative");
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /**
     * The task once it has ended, or as it is when {@code wait} has passed; empty (at once) for an unknown task.
     * Completes exceptionally with {@link StoreUnavailableException} when Redis cannot be read.
     */
    public CompletionStage<Optional<TaskRecord>> whenEnded(String id, Duration wait) {
        CompletableFuture<Optional<TaskRecord>> answer = new CompletableFuture<>();
        if (!TaskQueryService.isTaskId(id)) {
            answer.complete(Optional.empty());
            return answer;
        }
        String taskId = id.toLowerCase(Locale.ROOT);
        TaskChanges.Subscription subscription = changes.watch(List.of(taskId), change -> {
            if (change.ended()) {
                answering.execute(() -> answerWithCurrent(answer, taskId));
            }
        });
        ScheduledFuture<?> timeout = timer.schedule(() -> answering.execute(() -> answerWithCurrent(answer, taskId)),
                wait.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((task, error) -> {
            subscription.close();
            timeout.cancel(false);
        });
        try {
            Optional<TaskRecord> now = queries.find(taskId);
            if (now.isEmpty() || now.get().state().isTerminal()) {
                answer.complete(now);
            }
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /**
     * Tells {@code listener} each state change of the tasks {@code ids} (lower-case task ids), first their current
     * states (unknown ones are left out), then every change as it is committed, in order, until the subscription
     * is closed. The listener must not block.
     */
    public TaskChanges.Subscription follow(List<String> ids, Consumer<TaskChange> listener) {
        HeldUntilReleased ordered = new HeldUntilReleased(listener);
        TaskChanges.Subscription subscription = changes.watch(ids, ordered);
        try {
            for (String id : ids) {
                queries.find(id).ifPresent(task -> listener.accept(new TaskChange(task.id(), task.state(),
                        task.history().isEmpty() ? task.submittedAt() : task.history().get(task.history().size() - 1).at())));
            }
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        ordered.release();
        return subscription;
    }

    /** Holds the changes heard while the current states are read, and passes them on after those. */
    static final class HeldUntilReleased implements Consumer<TaskChange> {
        private final Consumer<TaskChange> target;
        private List<TaskChange> held = new java.util.ArrayList<>();

        HeldUntilReleased(Consumer<TaskChange> target) {
            this.target = target;
        }

        @Override
        public synchronized void accept(TaskChange change) {
            if (held != null) {
                held.add(change);
            } else {
                target.accept(change);
            }
        }

        synchronized void release() {
            held.forEach(target);
            held = null;
        }
    }

    private void answerWithCurrent(CompletableFuture<Optional<TaskRecord>> answer, String id) {
        if (answer.isDone()) {
            return;
        }
        try {
            answer.complete(queries.find(id));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }
}

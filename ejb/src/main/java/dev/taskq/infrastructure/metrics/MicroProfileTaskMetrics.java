package dev.taskq.infrastructure.metrics;

import dev.taskq.application.TaskMetrics;
import dev.taskq.application.WorkerActivity;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link TaskMetrics} in the application registry: {@code taskq_tasks_submitted_total{kind}},
 * {@code taskq_tasks_started_total{kind}}, {@code taskq_tasks_retried_total{kind}},
 * {@code taskq_tasks_finished_total{kind,state}} (state SUCCESS, FAILURE or REVOKED),
 * {@code taskq_tasks_requeued_total{kind}}, {@code taskq_tasks_timed_out_total{kind}} (attempts past their time
 * limit), {@code taskq_handler_threads_abandoned_total{kind}} (attempts that ignored their interruption), the histograms {@code taskq_task_latency_ms{kind}} (submit to finish)
 * and {@code taskq_task_processing_ms{kind}} (first attempt to finish), the gauge {@code taskq_workers_busy}
 * (tasks this instance's message-driven beans run right now); for delayed and recurring tasks the counter
 * {@code taskq_schedule_runs_total{schedule,outcome}} (slots handled by this instance: FIRED, CATCH_UP, TRIGGERED,
 * SKIPPED_OVERLAP, SKIPPED_MISSED), the histograms {@code taskq_schedule_lateness_ms{schedule}} (fire time − slot
 * time) and {@code taskq_due_task_lateness_ms{kind}} (enqueue time − due time, delayed tasks and schedules' alike),
 * and the gauge {@code taskq_tasks_scheduled_waiting} (SCHEDULED tasks not yet due, in the whole store). Times are histograms in milliseconds rather than
 * timers because Payara 6 writes a timer's quantiles in nanoseconds under a name that says seconds.
 *
 * <p>The metrics a worker updates for every task are looked up in the registry once per kind and kept
 * ({@link KindMetrics}): a registry lookup builds and sorts the metric's id each time, which cost as much as the
 * update itself on the drain's path (docs/performance.md).</p>
 */
@ApplicationScoped
public class MicroProfileTaskMetrics implements TaskMetrics {

    @Inject
    MetricRegistry registry;
    @Inject
    WorkerActivity activity;

    private final AtomicLong scheduledWaiting = new AtomicLong();
    private final Map<String, KindMetrics> byKind = new ConcurrentHashMap<>();

    /** Registers the busy-workers gauge when the application starts, so that it is there before any task. */
    void registerGauges(@Observes Startup startup) {
        registry.gauge("taskq.workers.busy", activity, WorkerActivity::busy);
        registry.gauge("taskq.tasks.scheduled.waiting", scheduledWaiting, AtomicLong::get);
    }

    @Override
    public void scheduleFired(String schedule, ScheduleRun.Outcome outcome, Duration lateness) {
        registry.counter("taskq.schedule.runs", new Tag("schedule", schedule), new Tag("outcome", outcome.name()))
                .inc();
        if (outcome != ScheduleRun.Outcome.TRIGGERED) {
            registry.histogram("taskq.schedule.lateness.ms", new Tag("schedule", schedule))
                    .update(Math.max(0, lateness.toMillis()));
        }
    }

    @Override
    public void dueTaskEnqueued(String kind, Duration lateness) {
        registry.histogram("taskq.due.task.lateness.ms", kindTag(kind)).update(Math.max(0, lateness.toMillis()));
    }

    @Override
    public void dueTasksWaiting(long waiting) {
        scheduledWaiting.set(waiting);
    }

    @Override
    public void submitted(String kind) {
        registry.counter("taskq.tasks.submitted", kindTag(kind)).inc();
    }

    @Override
    public void attemptStarted(String kind, int attempt) {
        KindMetrics metrics = of(kind);
        metrics.started.inc();
        if (attempt > 1) {
            metrics.retried.inc();
        }
    }

    @Override
    public void finished(String kind, TaskState outcome, Duration latency) {
        KindMetrics metrics = of(kind);
        metrics.finished(outcome).inc();
        metrics.latency.update(latency.toMillis());
    }

    @Override
    public void deadLettered() {
        registry.counter("taskq.messages.dead.lettered").inc();
    }

    @Override
    public void processed(String kind, Duration processing) {
        of(kind).processing.update(processing.toMillis());
    }

    @Override
    public void revoked(String kind) {
        of(kind).finished(TaskState.REVOKED).inc();
    }

    @Override
    public void requeued(String kind) {
        registry.counter("taskq.tasks.requeued", kindTag(kind)).inc();
    }

    @Override
    public void timedOut(String kind) {
        registry.counter("taskq.tasks.timed.out", kindTag(kind)).inc();
    }

    @Override
    public void abandoned(String kind) {
        registry.counter("taskq.handler.threads.abandoned", kindTag(kind)).inc();
    }

    private KindMetrics of(String kind) {
        return byKind.computeIfAbsent(kind, KindMetrics::new);
    }

    private static Tag kindTag(String kind) {
        return new Tag("kind", kind);
    }

    /** The metrics of one kind that every task updates, looked up once. */
    private final class KindMetrics {
        final Counter started;
        final Counter retried;
        final Histogram latency;
        final Histogram processing;
        private final Map<TaskState, Counter> finished = new EnumMap<>(TaskState.class);

        KindMetrics(String kind) {
            this.started = registry.counter("taskq.tasks.started", kindTag(kind));
            this.retried = registry.counter("taskq.tasks.retried", kindTag(kind));
            this.latency = registry.histogram("taskq.task.latency.ms", kindTag(kind));
            this.processing = registry.histogram("taskq.task.processing.ms", kindTag(kind));
            for (TaskState state : TaskState.terminal()) {
                finished.put(state, registry.counter("taskq.tasks.finished", kindTag(kind),
                        new Tag("state", state.name())));
            }
        }

        /** The finished counter of a terminal {@code state}. */
        Counter finished(TaskState state) {
            return finished.get(state);
        }
    }
}

package dev.taskq.infrastructure.metrics;

import dev.taskq.application.TaskMetrics;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link TaskMetrics} in the application registry: {@code taskq_tasks_submitted_total{kind}},
 * {@code taskq_tasks_started_total{kind}}, {@code taskq_tasks_retried_total{kind}},
 * {@code taskq_tasks_finished_total{kind,state}} and the histogram {@code taskq_task_latency_ms{kind}} (submit to
 * finish, milliseconds; a histogram rather than a timer because Payara 6 writes a timer's quantiles in
 * nanoseconds under a name that says seconds).
 */
@ApplicationScoped
public class MicroProfileTaskMetrics implements TaskMetrics {

    @Inject
    MetricRegistry registry;

    @Override
    public void submitted(TaskKind kind) {
        registry.counter("taskq.tasks.submitted", kindTag(kind)).inc();
    }

    @Override
    public void attemptStarted(TaskKind kind, int attempt) {
        registry.counter("taskq.tasks.started", kindTag(kind)).inc();
        if (attempt > 1) {
            registry.counter("taskq.tasks.retried", kindTag(kind)).inc();
        }
    }

    @Override
    public void finished(TaskKind kind, TaskState outcome, Duration latency) {
        registry.counter("taskq.tasks.finished", kindTag(kind), new Tag("state", outcome.name())).inc();
        registry.histogram("taskq.task.latency.ms", kindTag(kind)).update(latency.toMillis());
    }

    @Override
    public void deadLettered() {
        registry.counter("taskq.messages.dead.lettered").inc();
    }

    private static Tag kindTag(TaskKind kind) {
        return new Tag("kind", kind.wireName());
    }
}

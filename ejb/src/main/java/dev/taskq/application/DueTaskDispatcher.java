package dev.taskq.application;

import dev.taskq.application.ScheduleStore.DueSchedules;
import dev.taskq.application.TaskStore.DueTask;
import dev.taskq.application.TaskStore.DueTasks;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.ScheduleSlots;
import dev.taskq.domain.ScheduleSlots.Decision;
import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enqueues what has fallen due, on every instance, every {@code taskq.scheduling.poll-ms} (50 ms by default); there
 * is no leader and no singleton:
 * <ol>
 * <li>each recurring schedule whose next slot has come: the slot is handled once across all instances (a
 * compare-and-set on the schedule's last slot in Redis, {@link ScheduleStore#fire}); firing stores a SCHEDULED
 * task due at the slot, or skips it as the schedule's policy says ({@link ScheduleSlots});</li>
 * <li>the SCHEDULED tasks whose due time has come (delayed tasks and the schedules' tasks): one atomic Redis step
 * claims a batch (SCHEDULED → PENDING, into the claimed set), one broker transaction enqueues it, and the claims
 * end. An instance that dies between the claim and the enqueue leaves its claims behind; after
 * {@code taskq.scheduling.claim-timeout-ms} any instance takes them back and enqueues them.</li>
 * </ol>
 * The waiting tasks cost no memory here: they wait in Redis, and only a batch of due ones passes through.
 */
@ApplicationScoped
public class DueTaskDispatcher {
    private static final Logger LOG = Logger.getLogger(DueTaskDispatcher.class.getName());
    /** Batches claimed in one pass at most, so that a pass ends and schedules get their turn. */
    private static final int MAX_BATCHES_PER_PASS = 20;

    @Inject
    TaskStore tasks;
    @Inject
    ScheduleStore schedules;
    @Inject
    TaskQueue queue;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskMetrics metrics;
    @Inject
    InstanceIdentity instance;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.batch-size")
    int batchSize;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.claim-timeout-ms")
    long claimTimeoutMs;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.grace-ms")
    long graceMs;

    /** One pass: fires the due schedules' slots, then enqueues the due tasks. */
    public void dispatch() {
        fireDueSchedules();
        enqueueDueTasks();
    }

    void fireDueSchedules() {
        DueSchedules due = schedules.due(batchSize);
        Instant now = due.storeNow();
        for (String id : due.ids()) {
            try {
                schedules.find(id).ifPresent(stored -> fire(stored, now));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "schedule " + id + " could not be fired; the next pass tries again", e);
            }
        }
    }

    private void fire(StoredSchedule stored, Instant now) {
        var schedule = stored.schedule();
        Instant next = schedule.cron().nextAfter(now).orElse(null);
        Optional<Decision> decision = ScheduleSlots.due(schedule, stored.lastSlot(), now, Duration.ofMillis(graceMs));
        if (decision.isEmpty()) {
            schedules.reschedule(stored.id(), next);
            return;
        }
        Decision d = decision.get();
        TaskRecord task = TaskRecord.scheduled(UUID.randomUUID().toString(), schedule.type(), schedule.input(), now,
                d.slot(), instance.name(), "schedule " + stored.id() + ", slot " + d.slot()
                        + (d.outcome() == ScheduleRun.Outcome.CATCH_UP ? " (catch-up for " + d.missed()
                                + " missed)" : ""));
        schedules.fire(stored, d, next, task, instance.name()).ifPresent(run -> {
            metrics.scheduleFired(stored.id(), run.outcome(), run.lateness());
            if (run.outcome() == ScheduleRun.Outcome.FIRED) {
                LOG.fine(() -> "schedule " + stored.id() + " fired slot " + run.slot() + ": task " + run.taskId());
            } else {
                LOG.info(() -> "schedule " + stored.id() + ", slot " + run.slot() + ": " + run.outcome()
                        + (run.missed() > 0 ? " (" + run.missed() + " missed)" : "")
                        + (run.taskId() == null ? "" : ", task " + run.taskId()));
            }
        });
    }

    void enqueueDueTasks() {
        Duration claimTimeout = Duration.ofMillis(claimTimeoutMs);
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            DueTasks due = tasks.claimDue(instance.name(), batchSize, claimTimeout);
            metrics.dueTasksWaiting(due.waiting());
            if (due.tasks().isEmpty()) {
                return;
            }
            List<TaskQueue.Outgoing> outgoing = new ArrayList<>(due.tasks().size());
            for (DueTask task : due.tasks()) {
                outgoing.add(new TaskQueue.Outgoing(task.message(), kinds.queueOf(task.message().type())));
            }
            // on failure the claims stay; they expire and are taken back (by any instance) once the broker is back
            queue.publishAll(outgoing);
            tasks.queued(due.tasks().stream().map(t -> t.message().id()).toList());
            for (DueTask task : due.tasks()) {
                if (task.runAt() != null) {
                    metrics.dueTaskEnqueued(task.message().type(), Duration.between(task.runAt(), due.storeNow()));
                }
            }
            LOG.fine(() -> due.tasks().size() + " due tasks enqueued");
            if (due.tasks().size() < batchSize) {
                return;
            }
        }
    }
}

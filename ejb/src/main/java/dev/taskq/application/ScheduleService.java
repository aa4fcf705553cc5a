package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.application.ScheduleStatus.RunStatus;
import dev.taskq.domain.MissedRuns;
import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleCron;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What operators do with recurring schedules, from the admin API, the dashboard and the configuration: list, read,
 * create, replace, delete, pause, resume, trigger now. A definition is checked as a submitted task is (its kind
 * must exist, its input must bind), and its cron must parse; what breaks a rule is refused with
 * {@link InvalidScheduleException}, naming each field.
 */
@ApplicationScoped
public class ScheduleService {
    private static final Logger LOG = Logger.getLogger(ScheduleService.class.getName());

    @Inject
    ScheduleStore schedules;
    @Inject
    TaskStore tasks;
    @Inject
    TaskKinds kinds;
    @Inject
    TaskInputBinder binder;
    @Inject
    InstanceIdentity instance;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.late-after-ms")
    long lateAfterMs;
    @Inject
    @ConfigProperty(name = "taskq.scheduling.runs-shown")
    int runsShown;

    /** Every schedule with its last runs. */
    public List<ScheduleStatus> list() {
        Instant now = schedules.now();
        return schedules.all().stream().map(s -> status(s, now)).toList();
    }

    /** One schedule with its last runs, or empty. */
    public Optional<ScheduleStatus> find(String id) {
        return schedules.find(id).map(s -> status(s, schedules.now()));
    }

    /**
     * Stores a new schedule from the API.
     *
     * @throws InvalidScheduleException when a field breaks a rule
     * @throws ScheduleExistsException  when its id is taken
     */
    public ScheduleStatus create(ScheduleRequest request, String operator) {
        Schedule schedule = check(request, Schedule.Source.API);
        Instant now = schedules.now();
        if (!schedules.create(schedule, now, next(schedule, now))) {
            throw new ScheduleExistsException(schedule.id());
        }
        LOG.info(() -> "schedule " + schedule.id() + " (" + schedule.cron() + ", " + schedule.type()
                + ") created by " + operator);
        return require(schedule.id());
    }

    /**
     * Replaces schedule {@code id}'s definition ({@code request}'s id, if given, must be the same).
     *
     * @throws InvalidScheduleException   when a field breaks a rule
     * @throws ScheduleNotFoundException when there is no such schedule
     */
    public ScheduleStatus replace(String id, ScheduleRequest request, String operator) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidScheduleException(List.of(new FieldViolation("id", "must be " + id
                    + " (the schedule's id in the path), or left out")));
        }
        Schedule schedule = check(withId(request, id), Schedule.Source.API);
        Instant now = schedules.now();
        if (!schedules.replace(schedule, now, next(schedule, now))) {
            throw new ScheduleNotFoundException(id);
        }
        LOG.info(() -> "schedule " + id + " replaced by " + operator + ": " + schedule.cron());
        return require(id);
    }

    /** Deletes a schedule and its runs (the tasks it made stay). */
    public void delete(String id, String operator) {
        if (!schedules.delete(id)) {
            throw new ScheduleNotFoundException(id);
        }
        LOG.info(() -> "schedule " + id + " deleted by " + operator);
    }

    /** Stops it firing until it is resumed. */
    public ScheduleStatus pause(String id, String operator) {
        return setEnabled(id, false, operator);
    }

    /** Fires it again from its next slot on; the slots passed while paused are not caught up. */
    public ScheduleStatus resume(String id, String operator) {
        return setEnabled(id, true, operator);
    }

    /**
     * Makes one task of the schedule now, outside its slots (paused or not).
     *
     * @return the task's id
     */
    public String trigger(String id, String operator) {
        StoredSchedule stored = schedules.find(id).orElseThrow(() -> new ScheduleNotFoundException(id));
        Schedule schedule = stored.schedule();
        Instant now = schedules.now();
        TaskRecord task = TaskRecord.scheduled(UUID.randomUUID().toString(), schedule.type(), schedule.input(), now,
                now, instance.name(), "schedule " + id + ", triggered by " + operator);
        ScheduleRun run = schedules.trigger(id, task, instance.name())
                .orElseThrow(() -> new ScheduleNotFoundException(id));
        LOG.info(() -> "schedule " + id + " triggered by " + operator + ": task " + run.taskId());
        return run.taskId();
    }

    /**
     * Stores the schedules of the configuration ({@code taskq.schedules.<id>.*}), each as {@link ScheduleStore#upsert}
     * does; a schedule that breaks a rule is logged and left out, so that one typo does not stop the instance.
     */
    public void upsertConfigured(List<ScheduleRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        Instant now = schedules.now();
        for (ScheduleRequest request : requests) {
            try {
                Schedule schedule = check(request, Schedule.Source.CONFIG);
                schedules.upsert(schedule, now, next(schedule, now));
                LOG.info(() -> "schedule " + schedule.id() + " from the configuration: " + schedule.cron() + ", "
                        + schedule.type());
            } catch (InvalidScheduleException e) {
                LOG.severe(() -> "schedule " + request.id() + " of the configuration (taskq.schedules." + request.id()
                        + ".*) is left out: " + e.getMessage());
            }
        }
    }

    private ScheduleStatus setEnabled(String id, boolean enabled, String operator) {
        StoredSchedule stored = schedules.find(id).orElseThrow(() -> new ScheduleNotFoundException(id));
        Instant now = schedules.now();
        schedules.setEnabled(id, enabled, now, next(stored.schedule().withEnabled(enabled), now))
                .orElseThrow(() -> new ScheduleNotFoundException(id));
        LOG.info(() -> "schedule " + id + (enabled ? " resumed" : " paused") + " by " + operator);
        return require(id);
    }

    private ScheduleStatus require(String id) {
        return find(id).orElseThrow(() -> new ScheduleNotFoundException(id));
    }

    private ScheduleStatus status(StoredSchedule stored, Instant now) {
        List<RunStatus> runs = schedules.runs(stored.id(), runsShown).stream()
                .map(run -> new RunStatus(run, run.taskId() == null ? null
                        : tasks.find(run.taskId()).map(TaskRecord::state).orElse(null)))
                .toList();
        return ScheduleStatus.of(stored, runs, now, Duration.ofMillis(lateAfterMs));
    }

    private static Instant next(Schedule schedule, Instant now) {
        return schedule.enabled() ? schedule.cron().nextAfter(now).orElse(null) : null;
    }

    private static ScheduleRequest withId(ScheduleRequest r, String id) {
        return new ScheduleRequest(id, r.name(), r.cron(), r.zone(), r.type(), r.input(), r.enabled(), r.missedRuns(),
                r.skipIfRunning());
    }

    /** The schedule {@code request} describes, or every rule it breaks. */
    Schedule check(ScheduleRequest request, Schedule.Source source) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = request.id() == null ? "" : request.id().strip();
        if (!Schedule.ID.matcher(id).matches()) {
            violations.add(new FieldViolation("id", "must be 1 to 64 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit"));
        }
        ZoneId zone = ZoneId.of("UTC");
        if (request.zone() != null && !request.zone().isBlank()) {
            try {
                zone = ZoneId.of(request.zone().strip());
            } catch (DateTimeException e) {
                violations.add(new FieldViolation("zone", "must be a time zone such as UTC or Europe/Berlin"));
            }
        }
        ScheduleCron cron = null;
        try {
            cron = ScheduleCron.parse(request.cron(), zone);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("cron", e.getMessage()));
        }
        MissedRuns missedRuns = MissedRuns.FIRE_ONCE;
        try {
            missedRuns = MissedRuns.of(request.missedRuns());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("missed_runs", e.getMessage()));
        }
        JsonObject input = request.input() == null ? JsonValue.EMPTY_JSON_OBJECT : request.input();
        Optional<TaskKind> kind = request.type() == null ? Optional.empty() : kinds.find(request.type().strip());
        if (kind.isEmpty()) {
            violations.add(new FieldViolation("type", "must be one of: " + kinds.names()));
        } else {
            try {
                input = binder.bind(kind.get(), input).json();
            } catch (InvalidTaskException e) {
                e.violations().forEach(v -> violations.add(new FieldViolation("input." + v.field(), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidScheduleException(violations);
        }
        String name = request.name() == null || request.name().isBlank() ? id : request.name().strip();
        return new Schedule(id, name, cron, kind.get().name(), input, request.enabled() == null || request.enabled(),
                missedRuns, Boolean.TRUE.equals(request.skipIfRunning()), source);
    }
}

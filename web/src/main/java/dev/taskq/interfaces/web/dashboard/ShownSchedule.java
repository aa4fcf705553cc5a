package dev.taskq.interfaces.web.dashboard;

import dev.taskq.application.ScheduleStatus;
import dev.taskq.application.ScheduleStatus.RunStatus;
import dev.taskq.domain.Schedule;
import dev.taskq.domain.ScheduleRun;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import dev.taskq.interfaces.web.ShownTask;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recurring schedule as the dashboard's Schedules page shows it: its definition in words, whether it runs, its
 * next slot, the late and overlapping flags, and its last runs with their tasks' states. A JavaBean (Expression
 * Language reads getters) and serializable, as the view keeps it between the page and its actions.
 */
public final class ShownSchedule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String cron;
    private final String cronInWords;
    private final String zone;
    private final String type;
    private final String kindLabel;
    private final boolean enabled;
    private final String missedRuns;
    private final boolean skipIfRunning;
    private final String source;
    private final Instant nextRun;
    private final boolean late;
    private final boolean overlapping;
    private final List<Run> runs;

    private ShownSchedule(ScheduleStatus status, Optional<TaskKind> kind) {
        Schedule schedule = status.schedule();
        this.id = schedule.id();
        this.name = schedule.name();
        this.cron = schedule.cron().expression();
        this.cronInWords = status.cronInWords();
        this.zone = schedule.cron().zone().getId();
        this.type = schedule.type();
        this.kindLabel = kind.map(TaskKind::title).orElse(schedule.type());
        this.enabled = schedule.enabled();
        this.missedRuns = schedule.missedRuns().label();
        this.skipIfRunning = schedule.skipIfRunning();
        this.source = schedule.source().name();
        this.nextRun = status.nextRun();
        this.late = status.late();
        this.overlapping = status.overlapping();
        this.runs = status.runs().stream().map(Run::new).toList();
    }

    /** The schedule as the service reports it, its kind described by this deployment's registry (when known). */
    public static ShownSchedule of(ScheduleStatus status, Optional<TaskKind> kind) {
        return new ShownSchedule(status, kind);
    }

    public String getId() {
        return id;
    }

    /** What it is for (its id when none was given). */
    public String getName() {
        return name;
    }

    /** Whether its name says more than its id. */
    public boolean isNamed() {
        return name != null && !name.isBlank() && !name.equals(id);
    }

    public String getCron() {
        return cron;
    }

    /** Its cron expression in words ("every 2 seconds"). */
    public String getCronInWords() {
        return cronInWords;
    }

    public String getZone() {
        return zone;
    }

    /** The task kind it makes (its name). */
    public String getType() {
        return type;
    }

    /** The task kind's title ("Reverse text"), or its name when this deployment does not know it. */
    public String getKindLabel() {
        return kindLabel;
    }

    /** Whether it fires (false while paused). */
    public boolean isEnabled() {
        return enabled;
    }

    /** The badge: "enabled" or "paused". */
    public String getStatusLabel() {
        return enabled ? "enabled" : "paused";
    }

    /** Bootstrap classes of the enabled/paused badge, as the state badges are made. */
    public String getStatusBadgeClass() {
        return badge(enabled ? "success" : "secondary");
    }

    /** What happens to slots missed while no instance ran: "fire-once" or "skip". */
    public String getMissedRuns() {
        return missedRuns;
    }

    public boolean isSkipIfRunning() {
        return skipIfRunning;
    }

    /** Where it was defined: CONFIG or API. */
    public String getSource() {
        return source;
    }

    /** Its next slot, or null while paused. */
    public Instant getNextRun() {
        return nextRun;
    }

    /** Whether its last run fired late, or its next slot is overdue. */
    public boolean isLate() {
        return late;
    }

    /** Whether its last slot was skipped as the run before had not finished, or two of its runs are active. */
    public boolean isOverlapping() {
        return overlapping;
    }

    /** Its last runs, newest first. */
    public List<Run> getRuns() {
        return runs;
    }

    static String badge(String tone) {
        return "badge border bg-" + tone + "-subtle text-" + tone + "-emphasis border-" + tone + "-subtle";
    }

    /** "350 ms", "2.4 s", "3 min 5 s": how long after its slot a run was handled. */
    static String durationText(Duration duration) {
        long ms = Math.max(0, duration.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = ms / 1000;
        return seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** One run of the schedule: its slot, when it fired, what became of it, and its task's state now. */
    public static final class Run implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Instant slot;
        private final Instant firedAt;
        private final String outcome;
        private final boolean madeTask;
        private final String taskId;
        private final String instance;
        private final int missed;
        private final String lateness;
        private final TaskState taskState;

        Run(RunStatus status) {
            ScheduleRun run = status.run();
            this.slot = run.slot();
            this.firedAt = run.firedAt();
            this.outcome = run.outcome().name();
            this.madeTask = run.outcome().madeTask();
            this.taskId = run.taskId();
            this.instance = run.instance();
            this.missed = run.missed();
            this.lateness = durationText(run.lateness());
            this.taskState = status.taskState();
        }

        public Instant getSlot() {
            return slot;
        }

        public Instant getFiredAt() {
            return firedAt;
        }

        /** FIRED, CATCH_UP, TRIGGERED, SKIPPED_OVERLAP or SKIPPED_MISSED. */
        public String getOutcome() {
            return outcome;
        }

        /** Whether a task was made (a skipped slot has none). */
        public boolean isMadeTask() {
            return madeTask && taskId != null;
        }

        public String getTaskId() {
            return taskId;
        }

        public String getInstance() {
            return instance;
        }

        /** Slots missed before it, else 0. */
        public int getMissed() {
            return missed;
        }

        /** How long after its slot it was handled, in words ("12 ms"). */
        public String getLateness() {
            return lateness;
        }

        /** Its task's state, or null (no task, or it expired). */
        public String getTaskState() {
            return taskState == null ? null : taskState.name();
        }

        /** The task's badge, coloured as everywhere else; "expired" when the task is gone. */
        public String getTaskBadgeLabel() {
            return taskState == null ? "expired" : taskState.name();
        }

        public String getTaskBadgeClass() {
            return taskState == null ? badge("light") : ShownTask.badgeClassOf(taskState);
        }
    }
}

package dev.taskq.interfaces.web;

import dev.taskq.application.AcceptedTask;
import dev.taskq.application.TaskKinds;
import dev.taskq.domain.InputField;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A task as the pages show it: labels, the state badge, shortened texts for the table. A JavaBean (Expression
 * Language 5 reads getters, not record accessors) and serializable, as the session keeps the finished ones.
 */
public final class ShownTask implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Characters of an input or a result shown in the recent-tasks table; the details page shows all. */
    static final int SUMMARY_LENGTH = 80;

    private final String id;
    private final String kindLabel;
    private final int maxAttempts;
    private final List<Field> input;
    private final String inputSummary;
    private final TaskState state;
    private final int attempts;
    private final String result;
    private final String error;
    private final Instant submittedAt;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final List<Step> history;
    private final Integer progress;
    private final String progressMessage;

    private ShownTask(TaskRecord task, Optional<TaskKind> kind, Map<String, String> values) {
        this.id = task.id();
        this.kindLabel = kind.map(TaskKind::title).orElse(task.type());
        this.maxAttempts = kind.map(k -> k.policy().maxAttempts()).orElse(0);
        Map<String, String> labels = kind.map(k -> k.fields().stream()
                .collect(Collectors.toMap(InputField::name, InputField::label))).orElse(Map.of());
        this.input = values.entrySet().stream()
                .map(e -> new Field(e.getKey(), labels.getOrDefault(e.getKey(), Field.labelOf(e.getKey())),
                        e.getValue()))
                .toList();
        this.inputSummary = shorten(input.stream().map(Field::getValue).filter(v -> !v.isEmpty()).limit(2)
                .collect(Collectors.joining(" · ")));
        this.progress = task.progress();
        this.progressMessage = task.progressMessage();
        this.state = task.state();
        this.attempts = task.attempts();
        this.result = task.result();
        this.error = task.error();
        this.submittedAt = task.submittedAt();
        this.startedAt = task.startedAt();
        this.finishedAt = task.finishedAt();
        this.history = task.history().stream().map(Step::new).toList();
    }

    /** The task as the store has it, described by its kind (when this deployment has it). */
    public static ShownTask of(TaskRecord task, TaskKinds kinds) {
        Map<String, String> values = new LinkedHashMap<>();
        task.input().forEach((name, value) -> values.put(name, textOf(value)));
        return new ShownTask(task, kinds.find(task.type()), values);
    }

    /**
     * A task just accepted from a form, shown PENDING with the values the user typed (field name → text) until the
     * store is read again.
     */
    public static ShownTask submitted(String id, TaskKind kind, Map<String, String> values, Instant at) {
        return submitted(new AcceptedTask(id, TaskState.PENDING, null), kind, values, at);
    }

    /**
     * A task just accepted from a form, shown in the state the submission answered (PENDING, or SCHEDULED until
     * its due time) with the values the user typed (field name → text) until the store is read again.
     */
    public static ShownTask submitted(AcceptedTask accepted, TaskKind kind, Map<String, String> values, Instant at) {
        TaskRecord task = accepted.state() == TaskState.SCHEDULED
                ? TaskRecord.scheduled(accepted.id(), kind.name(), JsonValue.EMPTY_JSON_OBJECT, at,
                        accepted.runAt(), "", null)
                : TaskRecord.pending(accepted.id(), kind.name(), JsonValue.EMPTY_JSON_OBJECT, at, "");
        return new ShownTask(task, Optional.of(kind), values);
    }

    /**
     * The unfinished ones of {@code tasks} as a live page region follows them (its {@code data-follow}, read by
     * taskq.js): {@code id:STATE} each, space-separated. The page listens to their changes on the task event
     * stream and renders the region again when one differs from the state shown.
     */
    public static String follow(Collection<ShownTask> tasks) {
        return tasks.stream().filter(task -> !task.isTerminal()).map(ShownTask::followed)
                .collect(Collectors.joining(" "));
    }

    /** This task as a live region follows it: {@code id:STATE}, the state as shown. */
    public String followed() {
        return getId() + ":" + getState();
    }

    private static String textOf(JsonValue value) {
        return value instanceof JsonString s ? s.getString()
                : value == null || value.getValueType() == JsonValue.ValueType.NULL ? "" : value.toString();
    }

    public String getId() {
        return id;
    }

    /** What the user asked for, in the words of the form: its kind's title ("Send email", "Reverse text", …). */
    public String getKindLabel() {
        return kindLabel;
    }

    public List<Field> getInput() {
        return input;
    }

    /** The input on one line, shortened: its first two values ("recipient · subject" for an email, the text). */
    public String getInputSummary() {
        return inputSummary;
    }

    /** The progress its handler last reported (0–100), or null when it reported none. */
    public Integer getProgress() {
        return progress;
    }

    /** What the handler said with its progress, or null. */
    public String getProgressMessage() {
        return progressMessage;
    }

    /** Whether there is a progress bar to show: the handler reported progress. */
    public boolean isHasProgress() {
        return progress != null;
    }

    /** The bar's width, 0–100 (0 when none was reported). */
    public int getProgressPercent() {
        return progress == null ? 0 : Math.max(0, Math.min(100, progress));
    }

    /** What the bar says, for eyes and screen readers alike: "40% · resized", or "40%" without a message. */
    public String getProgressText() {
        String percent = getProgressPercent() + "%";
        return progressMessage == null || progressMessage.isBlank() ? percent : percent + " · " + progressMessage;
    }

    /** Whether the bar moves: the task is still running (striped and animated), not finished or waiting. */
    public boolean isProgressActive() {
        return state == TaskState.STARTED;
    }

    public String getState() {
        return state.name();
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** The badge text: the state, and for RETRY which retry comes next ("RETRY 2/3"). */
    public String getBadgeLabel() {
        return state == TaskState.RETRY && maxAttempts > 0 ? "RETRY " + attempts + "/" + (maxAttempts - 1)
                : state.name();
    }

    /** Bootstrap classes for the badge: a subtle background with its dark "emphasis" text, well above 4.5:1. */
    public String getBadgeClass() {
        return badgeClassOf(state);
    }

    /** The badge classes of {@code state}, wherever a task's state is shown (the schedules' runs too). */
    public static String badgeClassOf(TaskState state) {
        String tone = switch (state) {
            case SCHEDULED -> "info";
            case PENDING -> "secondary";
            case STARTED -> "primary";
            case RETRY -> "warning";
            case SUCCESS -> "success";
            case FAILURE -> "danger";
            case REVOKED -> "dark";
        };
        return "badge border bg-" + tone + "-subtle text-" + tone + "-emphasis border-" + tone + "-subtle";
    }

    public int getAttempts() {
        return attempts;
    }

    /** Attempts its kind allows (0 when this deployment does not know the kind). */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public String getResult() {
        return result;
    }

    public String getError() {
        return error;
    }

    /** The result, or the error of a failed task, shortened; null while there is neither. */
    public String getOutcomeSummary() {
        String outcome = result != null ? result : error;
        return outcome == null ? null : shorten(outcome);
    }

    public boolean isFailed() {
        return state == TaskState.FAILURE;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public List<Step> getHistory() {
        return history;
    }

    /** {@code text} cut to {@value #SUMMARY_LENGTH} code points (never inside a surrogate pair), with "…". */
    static String shorten(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= SUMMARY_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH - 1)) + "…";
    }

    /** One input field: its name ("recipient"), a label ("Recipient") and the value the user gave. */
    public static final class Field implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String label;
        private final String value;

        Field(String name, String label, String value) {
            this.name = name;
            this.label = label;
            this.value = value;
        }

        static String labelOf(String name) {
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }

        public String getName() {
            return name;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    /** One step of the task's history. */
    public static final class Step implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String state;
        private final Instant at;
        private final int attempt;
        private final String instance;
        private final String detail;

        Step(TaskEvent event) {
            this.state = event.state().name();
            this.at = event.at();
            this.attempt = event.attempt();
            this.instance = event.instance();
            this.detail = event.detail();
        }

        public String getState() {
            return state;
        }

        public Instant getAt() {
            return at;
        }

        public int getAttempt() {
            return attempt;
        }

        public String getInstance() {
            return instance;
        }

        public String getDetail() {
            return detail;
        }
    }
}

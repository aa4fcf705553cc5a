package dev.taskq.interfaces.web;

import dev.taskq.domain.EmailTask;
import dev.taskq.domain.RetryPolicy;
import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import dev.taskq.domain.TextTask;
import java.io.Serializable;
import java.time.Instant;
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
    private final TaskKind kind;
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

    private ShownTask(TaskRecord task) {
        this.id = task.id();
        this.kind = task.kind();
        TaskInput given = task.input();
        this.input = given.parameters().entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList();
        this.inputSummary = shorten(summaryOf(given));
        this.state = task.state();
        this.attempts = task.attempts();
        this.result = task.result();
        this.error = task.error();
        this.submittedAt = task.submittedAt();
        this.startedAt = task.startedAt();
        this.finishedAt = task.finishedAt();
        this.history = task.history().stream().map(Step::new).toList();
    }

    /** The task as the store has it. */
    public static ShownTask of(TaskRecord task) {
        return new ShownTask(task);
    }

    /** A task just accepted, shown PENDING until the store is read again. */
    public static ShownTask submitted(String id, TaskInput input, Instant at) {
        return new ShownTask(TaskRecord.pending(id, input, at, ""));
    }

    public String getId() {
        return id;
    }

    /** What the user asked for, in the words of the form: "Send email", "Reverse text", "Sentiment". */
    public String getKindLabel() {
        return switch (kind) {
            case EMAIL -> "Send email";
            case REVERSE -> "Reverse text";
            case SENTIMENT -> "Sentiment";
        };
    }

    public List<Field> getInput() {
        return input;
    }

    /** The input on one line, shortened: "recipient · subject" for an email, the text otherwise. */
    public String getInputSummary() {
        return inputSummary;
    }

    private static String summaryOf(TaskInput input) {
        if (input instanceof EmailTask email) {
            return email.getRecipient() + " · " + email.getSubject();
        }
        return ((TextTask) input).getText();
    }

    public String getState() {
        return state.name();
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** The badge text: the state, and for RETRY which retry comes next ("RETRY 2/3"). */
    public String getBadgeLabel() {
        return state == TaskState.RETRY ? "RETRY " + attempts + "/" + RetryPolicy.MAX_RETRIES : state.name();
    }

    /** Bootstrap classes for the badge: a subtle background with its dark "emphasis" text, well above 4.5:1. */
    public String getBadgeClass() {
        String tone = switch (state) {
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

    public int getMaxAttempts() {
        return RetryPolicy.MAX_ATTEMPTS;
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
        private final String value;

        Field(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public String getLabel() {
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
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

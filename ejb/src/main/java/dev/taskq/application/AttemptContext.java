package dev.taskq.application;

import dev.taskq.api.TaskContext;
import dev.taskq.application.TaskStore.AttemptReport;
import dev.taskq.application.TaskStore.TaskEffect;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link TaskContext} of one running attempt. What the handler reports is held here and written to the store by
 * {@link RunningAttempts} a few times a second (and once more when the attempt ends), so a handler may report as
 * often as it likes; a revocation seen there sets {@link #cancelled()} and interrupts the handler's thread.
 */
final class AttemptContext implements TaskContext, HandlerThreads.Watched {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Pattern EFFECT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String taskId;
    private final String kind;
    private final int attempt;
    private final int maxLogLines;
    private final int maxLineLength;

    // guarded by this
    private Integer progress;
    private String progressMessage;
    private boolean progressPending;
    private final Deque<String> pendingLines = new ArrayDeque<>();
    private final List<TaskEffect> effects = new ArrayList<>();
    private Thread handlerThread;
    private boolean closed;

    private volatile boolean cancelled;

    AttemptContext(String taskId, String kind, int attempt, int maxLogLines, int maxLineLength) {
        this.taskId = taskId;
        this.kind = kind;
        this.attempt = attempt;
        this.maxLogLines = maxLogLines;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public synchronized void progress(int percent, String message) {
        if (closed) {
            return;
        }
        progress = Math.max(0, Math.min(100, percent));
        progressMessage = message == null ? "" : cut(message);
        progressPending = true;
    }

    @Override
    public synchronized void log(String line) {
        if (closed) {
            return;
        }
        pendingLines.addLast(cut(String.valueOf(line)));
        while (pendingLines.size() > maxLogLines) {
            pendingLines.removeFirst();
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public synchronized void effect(String name, Object value) {
        if (closed) {
            return;
        }
        if (name == null || !EFFECT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an effect's name is 1-64 letters, digits, '-' or '_', not " + name);
        }
        String json = JSONB.toJson(value);
        if (!json.startsWith("{")) {
            throw new IllegalArgumentException("an effect must be written as a JSON object, not " + json);
        }
        effects.add(new TaskEffect(kind, name, json));
    }

    /** What was reported since the last call, or null when nothing was. */
    synchronized AttemptReport drainReport() {
        if (!progressPending && pendingLines.isEmpty()) {
            return null;
        }
        AttemptReport report = new AttemptReport(taskId, progressPending ? progress : null, progressMessage,
                List.copyOf(pendingLines));
        progressPending = false;
        pendingLines.clear();
        return report;
    }

    /** The effects of this attempt, to be committed with a SUCCESS. */
    synchronized List<TaskEffect> effects() {
        return List.copyOf(effects);
    }

    @Override
    public synchronized void runsOn(Thread thread) {
        handlerThread = thread;
    }

    /** An operator revoked the task: tell the handler, and interrupt it. */
    synchronized void cancel() {
        cancelled = true;
        if (handlerThread != null) {
            handlerThread.interrupt();
        }
    }

    /** The attempt is over: later calls of the handler are ignored. */
    synchronized void close() {
        closed = true;
        handlerThread = null;
    }

    private String cut(String text) {
        return text.length() <= maxLineLength ? text : text.substring(0, maxLineLength - 1) + "…";
    }
}

package dev.taskq.application;

import dev.taskq.application.TaskStore.AttemptReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The attempts this instance runs right now. {@link #report()} — called a few times a second while any runs —
 * writes what their handlers reported (progress, log lines) in one round trip to the store, and cancels those an
 * operator revoked meanwhile. So progress costs at most one write per task per report interval, however often a
 * handler calls it, and the last value is always written (when the attempt ends at the latest).
 */
@ApplicationScoped
public class RunningAttempts {
    private static final Logger LOG = Logger.getLogger(RunningAttempts.class.getName());

    @Inject
    TaskStore store;
    @Inject
    @ConfigProperty(name = "taskq.tasks.log-lines")
    int logLines;

    private final Map<String, AttemptContext> running = new ConcurrentHashMap<>();

    void started(AttemptContext attempt) {
        running.put(attempt.taskId(), attempt);
    }

    /** The attempt ended: its last report is written now (a store failure here is the caller's). */
    void ended(AttemptContext attempt) {
        running.remove(attempt.taskId(), attempt);
        attempt.close();
        AttemptReport last = attempt.drainReport();
        if (last != null) {
            store.report(List.of(last), logLines);
        }
    }

    /** Writes pending reports and cancels revoked attempts; does nothing when none runs. */
    public void report() {
        if (running.isEmpty()) {
            return;
        }
        List<AttemptContext> attempts = new ArrayList<>(running.values());
        List<AttemptReport> reports = new ArrayList<>(attempts.size());
        for (AttemptContext attempt : attempts) {
            AttemptReport report = attempt.drainReport();
            reports.add(report != null ? report : new AttemptReport(attempt.taskId(), null, null, List.of()));
        }
        Set<String> stopped;
        try {
            stopped = store.report(reports, logLines);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.FINE, "progress of running tasks not written: the store is unreachable", e);
            return;
        }
        for (AttemptContext attempt : attempts) {
            if (stopped.contains(attempt.taskId()) && !attempt.cancelled()) {
                LOG.info(() -> "task " + attempt.taskId() + " was revoked while it ran; interrupting its handler");
                attempt.cancel();
            }
        }
    }

    /** How many attempts run now. */
    public int count() {
        return running.size();
    }
}

package dev.taskq.application;

import java.time.Duration;
import java.time.Instant;

/**
 * One taskq instance (a Payara Micro process or a Payara Server) as its last heartbeat described it.
 *
 * @param name      the instance name ({@code taskq.instance.name})
 * @param host      the host it runs on
 * @param startedAt when it started
 * @param poolSize  how many tasks it runs at once at most
 * @param busy      how many it was running at the last heartbeat
 * @param processed tasks it finished (SUCCESS or FAILURE) since it started
 * @param failed    of those, the ones that ended FAILURE
 * @param lastSeen  its last heartbeat
 * @param stoppedAt when it shut down cleanly (null while it runs or when it died)
 */
public record WorkerStatus(String name, String host, Instant startedAt, int poolSize, int busy, long processed,
        long failed, Instant lastSeen, Instant stoppedAt) {

    /** Online: it has not shut down and its last heartbeat is at most {@code offlineAfter} old. */
    public boolean online(Instant now, Duration offlineAfter) {
        return stoppedAt == null && !lastSeen.plus(offlineAfter).isBefore(now);
    }
}

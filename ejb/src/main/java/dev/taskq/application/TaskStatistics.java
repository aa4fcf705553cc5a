package dev.taskq.application;

import dev.taskq.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Finished tasks per minute and their latencies, kept in the store for every instance (the last hours only). */
public interface TaskStatistics {

    /** A task reached SUCCESS or FAILURE at {@code at}, {@code latency} after it was enqueued. */
    void finished(TaskState outcome, Instant at, Duration latency);

    /** One entry per minute, oldest first, from {@code minutes - 1} minutes before {@code now} to now's minute. */
    List<MinuteSample> lastMinutes(Instant now, int minutes);

    /**
     * What finished in one minute.
     *
     * @param minute     the minute's start
     * @param succeeded  tasks that ended SUCCESS
     * @param failed     tasks that ended FAILURE
     * @param latencyMs  end-to-end latencies recorded in that minute (a bounded sample), in milliseconds
     */
    record MinuteSample(Instant minute, long succeeded, long failed, List<Long> latencyMs) {
    }
}

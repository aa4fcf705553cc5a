package dev.taskq.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where every instance reports itself (Redis), so that any instance can show all of them. */
public interface WorkerRegistry {

    /** Records a heartbeat; an instance that stops beating is forgotten {@code keep} after its last one. */
    void beat(WorkerStatus status, Duration keep);

    /** Records that the instance shut down cleanly. */
    void signOff(String name, Instant at);

    /** Every instance still remembered, in name order. */
    List<WorkerStatus> all();
}

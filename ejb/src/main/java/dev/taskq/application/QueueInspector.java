package dev.taskq.application;

import java.util.List;

/** Reads the depth of the task queue and of the dead-letter queue from the broker. */
public interface QueueInspector {

    /**
     * The task queue, then the dead-letter queue.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    List<QueueDepth> depths();
}

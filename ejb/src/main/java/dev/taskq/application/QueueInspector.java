package dev.taskq.application;

import java.util.List;

/** Reads the depth of the task queues and of the dead-letter queue from the broker. */
public interface QueueInspector {

    /**
     * The task queues, in the order given, then the dead-letter queue.
     *
     * @param logicalQueues the task queues by their logical names ({@code default}, or a kind's {@code queue}),
     *                      each reported under its broker name
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    List<QueueDepth> depths(List<String> logicalQueues);
}

package dev.taskq.application;

import java.util.List;

/** The queues workers take tasks from (RabbitMQ, through JMS): {@code taskq.queue} and one per named queue. */
public interface TaskQueue {

    /**
     * Sends a task to the workers of logical queue {@code queue}; returns only once the broker has taken the message.
     *
     * @throws QueueUnavailableException when the broker cannot take it
     */
    void publish(TaskMessage message, String queue);

    /**
     * Sends several tasks in one broker transaction: all of them are taken, or none (the exception).
     *
     * @throws QueueUnavailableException when the broker cannot take them
     */
    void publishAll(List<Outgoing> messages);

    /**
     * A message and the logical queue it goes to.
     *
     * @param message the task message
     * @param queue   the logical queue ({@code default} or a kind's queue)
     */
    record Outgoing(TaskMessage message, String queue) {
    }

    /**
     * Sets aside a message that is not a task taskq can run (a poison message) on the dead-letter queue, with the
     * reason, so that it is neither lost nor retried for ever.
     *
     * @throws QueueUnavailableException when the broker cannot take it
     */
    void deadLetter(String body, String reason);

    /** Answers when the broker is reachable; throws {@link QueueUnavailableException} otherwise. */
    void ping();
}

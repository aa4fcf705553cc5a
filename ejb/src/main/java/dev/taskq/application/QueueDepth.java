package dev.taskq.application;

/**
 * A queue as the broker reports it.
 *
 * @param name      the queue's name
 * @param role      what it holds: {@code tasks} or {@code dead letters}
 * @param exists    whether the broker has it (a dead-letter queue is made on first use)
 * @param messages  messages waiting (not yet delivered)
 * @param consumers consumers attached (workers of every instance)
 */
public record QueueDepth(String name, String role, boolean exists, long messages, long consumers) {
}

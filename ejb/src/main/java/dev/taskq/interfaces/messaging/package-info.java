/**
 * The message-driven bean that consumes the task queue through the {@code rabbitmq-ra} resource adapter. Its pool
 * (4 beans) is set in {@code glassfish-ejb-jar.xml}; the adapter's consumer count ({@code taskq.workers}) bounds
 * how many tasks run at once.
 */
package dev.taskq.interfaces.messaging;

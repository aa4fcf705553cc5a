/**
 * How task kinds plug in: the CDI extension that finds task handlers at deployment (and fails it on duplicate
 * names), the registry built from them with each kind's policy read from its annotation and MicroProfile Config, and
 * the configuration source that turns {@code taskq.queues} into the queues the message-driven bean consumes.
 * Implements {@code dev.taskq.application.TaskKinds}; depends on the domain, the application layer and {@code dev.taskq.api}.
 */
package dev.taskq.infrastructure.plugins;

/**
 * Adapters to the outside world, each behind an interface the application layer owns: the Redis task store
 * ({@code redis}), the JMS publisher on RabbitMQ ({@code messaging}), the task kinds found at deployment and the
 * queues they name ({@code plugins}), the handlers' threads ({@code execution}), metrics and the configuration
 * producers ({@code config}). Depends on {@code application} and {@code domain}; nothing depends on it but CDI wiring.
 */
package dev.taskq.infrastructure;

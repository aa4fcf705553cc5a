/**
 * CDI producers for what the application layer injects but does not build: the clock and this instance's
 * identity; and the recurring schedules the configuration defines
 * ({@link dev.taskq.infrastructure.config.ConfiguredSchedules}). Settings come from MicroProfile Config ({@code taskq.*} keys, each overridable by a {@code TASKQ_*}
 * environment variable); defaults live in {@code META-INF/microprofile-config.properties}.
 */
package dev.taskq.infrastructure.config;

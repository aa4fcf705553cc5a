/**
 * Timed entry points: {@link dev.taskq.interfaces.scheduling.WorkerHeartbeatTimer}, this instance's heartbeat to
 * the worker registry and the task list's housekeeping, and {@link dev.taskq.interfaces.scheduling.AttemptReportTimer},
 * the running tasks' progress, logs and revocations a few times a second, and
 * {@link dev.taskq.interfaces.scheduling.DueTaskTimer}, what has fallen due (schedules' slots, delayed tasks) five
 * times a second. Thin: each tick is one call of an
 * application service.
 */
package dev.taskq.interfaces.scheduling;

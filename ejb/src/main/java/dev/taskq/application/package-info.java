/**
 * The use cases, one service each: {@link dev.taskq.application.TaskSubmissionService} (accept, record PENDING,
 * enqueue), {@link dev.taskq.application.TaskExecutionService} (run with retries, commit the outcome once) and
 * {@link dev.taskq.application.TaskQueryService} (read a task). This is the only place that orchestrates; it owns
 * the small interfaces ({@link dev.taskq.application.TaskStore}, {@link dev.taskq.application.TaskQueue}) that the
 * infrastructure implements. Depends on {@code domain} only.
 */
package dev.taskq.application;

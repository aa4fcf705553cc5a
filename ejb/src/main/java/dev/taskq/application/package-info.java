/**
 * The use cases, one service each: {@link dev.taskq.application.TaskSubmissionService} (bind and check the input
 * against its kind, record PENDING, enqueue on the kind's queue), {@link dev.taskq.application.TaskExecutionService}
 * (run the attempts under the kind's policy — {@link dev.taskq.application.TaskAttempts} for the default policy,
 * {@link dev.taskq.application.KindPolicyAttempts} for a kind's own, both MicroProfile Fault Tolerance retries of
 * {@link dev.taskq.application.TaskAttempt} — and commit the outcome once), {@link dev.taskq.application.TaskQueryService}
 * (read a task and its log), {@link dev.taskq.application.TaskAdministrationService} (revoke, requeue, delete),
 * {@link dev.taskq.application.ScheduleService} (recurring schedules: define, pause, resume, trigger) and
 * {@link dev.taskq.application.DueTaskDispatcher} (fire due schedules' slots and enqueue due delayed tasks, on every
 * instance, each once).
 * {@link dev.taskq.application.RunningAttempts} carries the running handlers' progress and logs to the store and
 * their revocations back. This is the only place that orchestrates; it owns the small interfaces
 * ({@link dev.taskq.application.TaskKinds}, {@link dev.taskq.application.TaskStore},
 * {@link dev.taskq.application.TaskQueue}, {@link dev.taskq.application.ScheduleStore},
 * {@link dev.taskq.application.HandlerThreads}) that the infrastructure
 * implements. Depends on {@code domain} and {@code dev.taskq.api}.
 */
package dev.taskq.application;

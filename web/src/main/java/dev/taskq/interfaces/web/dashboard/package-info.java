/**
 * The operator dashboard under {@code /dashboard/} (Jakarta Faces) and its login page: backing beans of the
 * overview (counts, queues, instances), the task list (paged, filtered), the task page (attempts, timings,
 * cancel/requeue/delete) and the recurring schedules (runs, pause/resume/trigger/delete). Thin: each reads or acts
 * through one application service ({@code DashboardQueryService}, {@code TaskQueryService},
 * {@code TaskAdministrationService}, {@code ScheduleService}); the live charts
 * read {@code /api/admin/stream}.
 */
package dev.taskq.interfaces.web.dashboard;

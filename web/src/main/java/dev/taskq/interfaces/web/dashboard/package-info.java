/**
 * The operator dashboard under {@code /dashboard/} (Jakarta Faces) and its login page: backing beans of the
 * overview (counts, queues, instances), the task list (paged, filtered) and the task page (attempts, timings,
 * cancel/requeue/delete). Thin: each reads or acts through one application service
 * ({@code DashboardQueryService}, {@code TaskQueryService}, {@code TaskAdministrationService}); the live charts
 * read {@code /api/admin/stream}.
 */
package dev.taskq.interfaces.web.dashboard;

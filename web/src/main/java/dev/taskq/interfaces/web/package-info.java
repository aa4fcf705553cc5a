/**
 * The Jakarta Faces UI: backing beans of the main page (the three task forms, this session's recent tasks) and
 * of the task details page, and how a task is shown. Thin: the forms bind the domain inputs, whose Bean
 * Validation rules Faces applies, and every action is one call of an application service
 * ({@code TaskSubmissionService}, {@code TaskQueryService}) whose answer is turned into what the page shows.
 * Depends on {@code dev.taskq.application} and {@code dev.taskq.domain}.
 */
package dev.taskq.interfaces.web;

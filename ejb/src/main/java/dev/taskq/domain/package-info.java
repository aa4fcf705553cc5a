/**
 * What a task is: its states and the transitions between them (defined once, in {@link dev.taskq.domain.TaskState}),
 * a kind's description and policy, the fields of its input, and the task record; recurring schedules, their cron
 * (cron-utils, a plain computing library) and the rule for which slot is due and what a missed slot becomes
 * ({@link dev.taskq.domain.ScheduleSlots}). Kinds themselves are plug-ins
 * (handlers written against {@code dev.taskq.api}); this package only describes them. No framework imports here
 * beyond Bean Validation, JSON-P's value types and cron-utils; everything else may depend on this package.
 */
package dev.taskq.domain;

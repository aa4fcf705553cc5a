/**
 * What a task is: its states and the transitions between them (defined once, in {@link dev.taskq.domain.TaskState}),
 * a kind's description and policy, the fields of its input, and the task record. Kinds themselves are plug-ins
 * (handlers written against {@code dev.taskq.api}); this package only describes them. No framework imports here
 * beyond Bean Validation and JSON-P's value types; everything else may depend on this package.
 */
package dev.taskq.domain;

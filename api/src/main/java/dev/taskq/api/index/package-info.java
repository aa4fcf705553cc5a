/**
 * The compile-time index of a module's task kinds ({@code META-INF/taskq/task-kinds}), written by an annotation
 * processor that javac finds in taskq-api by itself. Nothing here is called by task authors.
 */
package dev.taskq.api.index;

/**
 * The three seed kinds of task (email, reverse, sentiment), written against {@code dev.taskq.api} like any team's
 * own kinds: nothing else in taskq knows them by name. Their work is simulated: each pauses
 * {@code taskq.work.delay-ms} first (0 for benchmarks). Depends only on {@code dev.taskq.api}, CDI, Bean Validation
 * and MicroProfile Config.
 */
package dev.taskq.kinds;

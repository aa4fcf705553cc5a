/**
 * MicroProfile Metrics for tasks, served at {@code /metrics}: counters per kind (submitted, started, retried,
 * succeeded, failed) and the submit-to-finish latency. Depends on {@code application}.
 */
package dev.taskq.infrastructure.metrics;

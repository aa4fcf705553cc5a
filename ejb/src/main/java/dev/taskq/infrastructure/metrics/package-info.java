/**
 * MicroProfile Metrics for tasks, served at {@code /metrics}: counters per kind (submitted, started, retried,
 * finished by state, requeued), the submit-to-finish latency and processing-time histograms, and how many workers
 * are busy. Depends on {@code application}.
 */
package dev.taskq.infrastructure.metrics;

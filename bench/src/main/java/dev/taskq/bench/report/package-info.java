/**
 * What a benchmark run saw, as numbers: per phase (throughput, client- and server-side latency percentiles,
 * errors, lost tasks, CPU per 1 000 tasks, memory), per run ({@code run-N.json}) and over all runs
 * ({@code summary.json}, {@code summary.md}: min / median / max).
 */
package dev.taskq.bench.report;

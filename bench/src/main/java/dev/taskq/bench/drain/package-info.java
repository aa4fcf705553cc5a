/**
 * The drain benchmark's physical ceiling (issue 15): what the broker does with no engine in front of it. The drain
 * runs themselves are {@code bench/drain/drain.py}, driven by {@code bench/run-drain.sh}.
 */
package dev.taskq.bench.drain;

/**
 * The taskq instance under test: one Payara Micro process started from the build output with its own port,
 * queue and Redis key prefix, timed from launch to its first processed task, sampled from {@code /proc}, and
 * stopped and cleaned up (its queue and Redis keys deleted) afterwards.
 */
package dev.taskq.bench.instance;

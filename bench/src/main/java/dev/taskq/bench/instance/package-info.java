/**
 * The system under test ({@link dev.taskq.bench.instance.SystemUnderTest}): a taskq instance (one Payara Micro
 * process started from the build output) or the Celery reference stack (gunicorn + a Celery worker from
 * bench/celery), each with its own port, queue and Redis data, timed from launch to its first processed task,
 * sampled from {@code /proc}, and stopped and cleaned up (its queue and Redis data deleted) afterwards.
 */
package dev.taskq.bench.instance;

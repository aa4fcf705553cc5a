/**
 * A task handler that takes a name another kind already has ("reverse"): never deployed with the other tests, only
 * by {@code QueuesIT} to show that such a deployment fails with a clear message.
 */
package dev.taskq.it.duplicate;

/**
 * An example task kind, "digest": hashes a text a number of rounds with a chosen algorithm, reporting progress,
 * keeping a few log lines, and stopping when an operator revokes it. Depends only on {@code dev.taskq.api}, CDI and
 * Bean Validation.
 */
package dev.taskq.examples.digest;

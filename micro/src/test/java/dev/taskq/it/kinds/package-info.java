/**
 * Task kinds that exist only for the integration tests, deployed in a jar of their own next to taskq's
 * ({@code DeployedTaskq.war()}), as a team would add theirs: they report progress and logs, run into time limits,
 * have a retry policy of their own, or wait on a queue of their own.
 */
package dev.taskq.it.kinds;

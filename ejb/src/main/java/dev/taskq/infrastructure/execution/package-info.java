/**
 * Where task handlers run: a pool of container-managed threads apart from the message-driven beans', which the
 * attempt waits on with its time limit. Implements {@code dev.taskq.application.HandlerThreads}. Also a CDI
 * extension that takes two costs of Payara's Fault Tolerance interceptor out of every attempt: intercepting
 * itself, and a new request-context controller per call
 * ({@link dev.taskq.infrastructure.execution.FaultToleranceInterceptorFix}).
 */
package dev.taskq.infrastructure.execution;

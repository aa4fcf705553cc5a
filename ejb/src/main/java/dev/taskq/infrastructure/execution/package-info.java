/**
 * Where task handlers run: a pool of container-managed threads apart from the message-driven beans', which the
 * attempt waits on with its time limit. Implements {@code dev.taskq.application.HandlerThreads}. Also a CDI
 * extension that keeps Payara's Fault Tolerance interceptor from intercepting itself around every attempt
 * ({@link dev.taskq.infrastructure.execution.FaultToleranceInterceptorFix}).
 */
package dev.taskq.infrastructure.execution;

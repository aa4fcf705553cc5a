/**
 * The taskq benchmark: its settings. {@code instance} starts and measures the system under test (a taskq Payara
 * Micro process, or the Celery reference stack of bench/celery),
 * {@code report} turns what a run saw into run-N.json and the min/median/max summary; the Gatling simulation
 * (test sources, {@code simulation}) drives the load and uses both.
 */
package dev.taskq.bench;

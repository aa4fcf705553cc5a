/** The Gatling simulation of the taskq benchmark (Gatling's Java DSL). */
package dev.taskq.bench.simulation;

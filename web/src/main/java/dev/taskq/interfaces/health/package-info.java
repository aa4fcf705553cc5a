/**
 * MicroProfile Health checks, served by Payara at {@code /health/ready} and {@code /health/live}: thin adapters
 * over {@link dev.taskq.application.ReadinessService}.
 */
package dev.taskq.interfaces.health;

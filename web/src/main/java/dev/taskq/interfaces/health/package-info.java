/**
 * MicroProfile Health checks, served by Payara at {@code /health/ready} and {@code /health/live}: readiness over
 * {@link dev.taskq.application.ReadinessService} (RabbitMQ and Redis answer), liveness of the process itself.
 */
package dev.taskq.interfaces.health;

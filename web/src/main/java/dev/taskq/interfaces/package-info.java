/**
 * Entry points of the web module: thin adapters between HTTP (REST, Faces) and the application services.
 * Depends on {@code dev.taskq.application} and {@code dev.taskq.domain}.
 */
package dev.taskq.interfaces;

/**
 * The REST API under {@code /api} (JAX-RS, JSON-B): submit a task, read its status; the endpoints the original
 * Flask app offered ({@code /submit}, {@code /check_status/{id}}) in their original shape; and the mapping of
 * every error to an RFC 9457 problem body.
 */
package dev.taskq.interfaces.rest;

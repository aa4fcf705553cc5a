/**
 * How the dashboard and the admin API are protected (Jakarta Security): one authentication mechanism for HTTP
 * Basic (API clients) and the login page's session (browsers), over the identity store of
 * {@code dev.taskq.infrastructure.security}; and the optional login for task submission.
 */
package dev.taskq.interfaces.security;

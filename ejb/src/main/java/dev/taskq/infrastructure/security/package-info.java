/**
 * Who may use the dashboard and the admin API: the operator's credentials from MicroProfile Config (a PBKDF2
 * password hash, or a password generated at start-up when none is configured) as a Jakarta Security identity
 * store, and {@link dev.taskq.infrastructure.security.PasswordHashes}, which makes such hashes.
 */
package dev.taskq.infrastructure.security;

/**
 * Entry points into the EJB module: thin adapters that translate an outside event into one call of an
 * application service, nothing more. Depends on {@code application}.
 */
package dev.taskq.interfaces;

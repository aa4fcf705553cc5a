package dev.taskq.application;

/**
 * The name of this taskq instance (one Payara Micro process or one Payara Server), recorded with every step it
 * makes so that a task's history says who ran it.
 */
public record InstanceIdentity(String name) {
}

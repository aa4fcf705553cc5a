package dev.taskq.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to an accepted submission: {@code {"task_id":…,"state":"PENDING"}}. */
public record TaskAccepted(@JsonbProperty("task_id") String taskId, String state) {
}

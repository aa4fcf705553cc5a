package dev.taskq.application;

/** A schedule with that id exists already (create it under another id, or replace it). */
public class ScheduleExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleExistsException(String id) {
        super("a schedule with id " + id + " exists already; PUT replaces it");
    }
}

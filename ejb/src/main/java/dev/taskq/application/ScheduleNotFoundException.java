package dev.taskq.application;

/** There is no schedule with that id. */
public class ScheduleNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleNotFoundException(String id) {
        super("no schedule with id " + id);
    }
}

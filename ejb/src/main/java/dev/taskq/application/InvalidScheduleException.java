package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/** A schedule's definition breaks a rule (a bad cron, an unknown kind, an input the kind refuses); nothing changed. */
public class InvalidScheduleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidScheduleException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}

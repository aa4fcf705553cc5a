package dev.taskq.application;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted task breaks the input rules; nothing was stored or enqueued. */
public class InvalidTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidTaskException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** One broken rule: the input field and what is wrong with it. */
    public record FieldViolation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}

package dev.taskq.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of task taskq runs, with the name clients use for them in JSON and in the queue. */
public enum TaskKind {
    EMAIL("email"),
    REVERSE("reverse"),
    SENTIMENT("sentiment");

    private final String wireName;

    TaskKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind named {@code name} (as clients write it, e.g. {@code "email"}), if there is one. */
    public static Optional<TaskKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** The accepted names, for error messages: {@code email, reverse, sentiment}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(TaskKind::wireName).collect(Collectors.joining(", "));
    }
}

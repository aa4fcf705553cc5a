package dev.taskq.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of task this deployment runs: its name (as clients write it), what people call it, the type its input is
 * bound to with its fields, and its policy. Kinds are not listed anywhere: each comes from a task handler found at
 * deployment.
 *
 * @param name        the name in {@code "type"}, the queue message and Redis
 * @param title       the form's heading
 * @param description a sentence under the title
 * @param inputType   the record or bean the input is bound to (and validated as)
 * @param fields      the input's fields, in declaration order
 * @param policy      retries, back-off, time limit, queue
 * @param ui          whether the web UI offers a form
 */
public record TaskKind(String name, String title, String description, Class<?> inputType, List<InputField> fields,
        TaskPolicy policy, boolean ui) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public TaskKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a task kind's name must be 1–63 lower-case letters, digits, '-' or"
                    + " '_', starting with a letter or digit, not '" + name + "'");
        }
        Objects.requireNonNull(inputType, "inputType");
        fields = List.copyOf(fields);
        Objects.requireNonNull(policy, "policy");
        title = title == null || title.isBlank() ? name : title;
        description = description == null ? "" : description;
    }

    /** Whether {@code name} may name a kind. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}

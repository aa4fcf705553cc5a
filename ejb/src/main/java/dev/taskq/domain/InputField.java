package dev.taskq.domain;

import java.util.List;

/**
 * One field of a kind's input as forms and documentation show it, read from the input type's component (or bean
 * field) and its Bean Validation constraints, so that no rule is written twice.
 *
 * @param name      the JSON property
 * @param label     what a form calls it
 * @param help      a hint under the field, or empty
 * @param type      the kind of value
 * @param required  whether it must be given (NotNull, NotBlank, NotEmpty, or a primitive)
 * @param maxLength the most characters a text may have, or null
 * @param min       the smallest number allowed, or null
 * @param max       the largest number allowed, or null
 * @param multiline whether a form offers a text area
 * @param email     whether it must be an e-mail address
 * @param choices   the allowed values of an enum, else empty
 */
public record InputField(String name, String label, String help, Type type, boolean required, Integer maxLength,
        Long min, Long max, boolean multiline, boolean email, List<String> choices) {

    /** The JSON value a field takes. */
    public enum Type {
        TEXT, INTEGER, DECIMAL, BOOLEAN, CHOICE
    }

    public InputField {
        choices = List.copyOf(choices);
        help = help == null ? "" : help;
    }
}

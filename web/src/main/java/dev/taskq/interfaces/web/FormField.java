package dev.taskq.interfaces.web;

import dev.taskq.domain.InputField;
import java.util.List;

/**
 * One field of a generated form, as the page renders it: which widget its {@link InputField} asks for, and the HTML
 * attributes its rules become (required mark, {@code maxlength}, {@code min}/{@code max}, {@code step}). The browser
 * only hints with these (the forms are {@code novalidate}); the submission service checks every rule, as for the API.
 */
public final class FormField {
    /** The widget a field is shown as. */
    public enum Widget {
        /** {@code <input>}: a short text, an e-mail address or a number */
        INPUT,
        /** {@code <textarea>}: a long or multi-line text */
        TEXTAREA,
        /** {@code <input type=checkbox>}: a BOOLEAN */
        CHECKBOX,
        /** {@code <select>}: a CHOICE (an enum) */
        SELECT
    }

    private final InputField field;

    FormField(InputField field) {
        this.field = field;
    }

    public String getName() {
        return field.name();
    }

    public String getLabel() {
        return field.label();
    }

    /** The hint under the field, or empty. */
    public String getHelp() {
        return field.help();
    }

    public Widget getWidget() {
        return switch (field.type()) {
            case BOOLEAN -> Widget.CHECKBOX;
            case CHOICE -> Widget.SELECT;
            case INTEGER, DECIMAL -> Widget.INPUT;
            case TEXT -> field.multiline() ? Widget.TEXTAREA : Widget.INPUT;
        };
    }

    /** The {@code type} of an {@link Widget#INPUT}: {@code email}, {@code number} or {@code text}. */
    public String getInputType() {
        return switch (field.type()) {
            case INTEGER, DECIMAL -> "number";
            default -> field.email() ? "email" : "text";
        };
    }

    /** Whether the field must be filled in (a checkbox never is: unticked means false). */
    public boolean isRequired() {
        return field.required() && field.type() != InputField.Type.BOOLEAN;
    }

    /** The {@code maxlength} of a text, or null (no attribute). */
    public Integer getMaxLength() {
        return field.type() == InputField.Type.TEXT ? field.maxLength() : null;
    }

    /** The {@code min} of a number, or null. */
    public Long getMin() {
        return isNumber() ? field.min() : null;
    }

    /** The {@code max} of a number, or null. */
    public Long getMax() {
        return isNumber() ? field.max() : null;
    }

    /** The {@code step} of a number: 1 for whole numbers, "any" for decimals; null for other fields. */
    public String getStep() {
        return switch (field.type()) {
            case INTEGER -> "1";
            case DECIMAL -> "any";
            default -> null;
        };
    }

    /** The browser's {@code autocomplete} hint: an e-mail address may be filled in, nothing else is. */
    public String getAutocomplete() {
        return field.email() ? "email" : "off";
    }

    /** The values of a {@link Widget#SELECT}. */
    public List<String> getChoices() {
        return field.choices();
    }

    private boolean isNumber() {
        return field.type() == InputField.Type.INTEGER || field.type() == InputField.Type.DECIMAL;
    }
}

package dev.taskq.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional presentation of one input field (a record component or a bean field) in the web form. Without it the
 * label is made from the name ({@code maxWidth} → "Max width") and the widget from the type and the constraints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface TaskField {
    /** The label; empty: made from the name. */
    String label() default "";

    /** A hint shown under the field. */
    String help() default "";

    /** A text area instead of a one-line input (also chosen for strings that may be over 200 characters). */
    boolean multiline() default false;
}

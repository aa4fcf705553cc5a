package dev.taskq.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link TaskHandler} as a kind of task, with its policy. Every policy can be overridden without a
 * rebuild through MicroProfile Config, and so by environment variables: {@code taskq.tasks.<name>.retries}
 * ({@code TASKQ_TASKS_<NAME>_RETRIES}), {@code .retry-delay}, {@code .backoff}, {@code .max-retry-delay},
 * {@code .time-limit}, {@code .queue}, {@code .ui}.
 *
 * <pre>
 * &#64;TaskDefinition(name = "thumbnail", title = "Make a thumbnail", retries = 2, retryDelay = "PT5S",
 *                 backoff = Backoff.EXPONENTIAL, timeLimit = "PT30S", queue = "images")
 * &#64;ApplicationScoped
 * public class ThumbnailTask implements TaskHandler&lt;ThumbnailRequest&gt; { … }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskDefinition {
    /** What {@link #retries()} says when a kind does not set it: the platform's default policy. */
    int DEFAULT_RETRIES = -1;

    /** The kind's name, as clients write it in {@code "type"}: lower-case letters, digits, {@code -} and {@code _}. */
    String name();

    /** A title for people (the form's heading, the dashboard); empty: the name. */
    String title() default "";

    /** A sentence under the title in the web form. */
    String description() default "";

    /**
     * Retries after a failed first attempt ({@code 0}: none). Unset, the kind has taskq's default policy: MicroProfile
     * Fault Tolerance's {@code @Retry(maxRetries = 3)}, pausing {@code taskq.retry.delay-ms} between attempts.
     */
    int retries() default DEFAULT_RETRIES;

    /** The pause before the first retry, an ISO-8601 duration such as {@code PT5S}; empty: {@code taskq.retry.delay-ms}. */
    String retryDelay() default "";

    /** How the pause grows with each retry. */
    Backoff backoff() default Backoff.FIXED;

    /** The longest pause between two attempts with {@link Backoff#EXPONENTIAL}. */
    String maxRetryDelay() default "PT5M";

    /**
     * How long one attempt may run (ISO-8601 duration); empty: no limit. Past it the handler's thread is
     * interrupted and the attempt fails with "time limit exceeded".
     */
    String timeLimit() default "";

    /**
     * The queue the kind's tasks wait in. {@code default} is {@code taskq.queue}; any other name {@code q} is its own
     * durable RabbitMQ queue {@code <taskq.queue>.q}, consumed only by instances that list it in {@code taskq.queues}.
     */
    String queue() default "default";

    /** Whether the web UI offers a form for this kind (the REST API always accepts it). */
    boolean ui() default true;
}

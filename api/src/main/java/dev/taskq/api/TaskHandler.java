package dev.taskq.api;

/**
 * The work of one kind of task. Implement it in a CDI bean (for instance {@code @ApplicationScoped}) annotated with
 * {@link TaskDefinition}; taskq finds it at deployment.
 *
 * <p>{@link #run} is called once per attempt, on a thread of taskq's handler pool, with the task's input bound from
 * JSON (JSON-B) and already checked against the input type's Bean Validation constraints. It may be called again
 * for the same task after a failure (retries) or a crash (execution is at least once); what it returns is committed
 * exactly once.</p>
 *
 * @param <I> the input type: a record or JavaBean whose components are the task's fields
 */
public interface TaskHandler<I> {

    /**
     * Runs one attempt of the task.
     *
     * @param input   the task's input
     * @param context progress, logs, cancellation and effects of this attempt
     * @return the task's result, shown as {@code result} in the API, the UI and the dashboard
     * @throws Exception any failure fails the attempt; its message becomes the task's error, and the attempt is
     *                   retried as the kind's policy says. Throw {@link TaskFailedException} for a message meant for
     *                   users.
     */
    String run(I input, TaskContext context) throws Exception;
}

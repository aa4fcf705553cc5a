package dev.taskq.application;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.api.TaskHandler;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskPolicy;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of task this deployment runs: one per task handler found at deployment, with its input's fields and its
 * policy (the handler's {@code @TaskDefinition}, overridden by {@code taskq.tasks.<name>.*} settings).
 */
public interface TaskKinds {

    /** Every kind, ordered by name. */
    Collection<TaskKind> all();

    /** The kind with this name, if this deployment has it. */
    Optional<TaskKind> find(String name);

    /** The handler that runs tasks of {@code kind}. */
    TaskHandler<Object> handler(TaskKind kind);

    /**
     * The kind with this name.
     *
     * @throws InvalidTaskException naming the field {@code type} and listing the kinds there are
     */
    default TaskKind require(String name) {
        return find(name).orElseThrow(() -> new InvalidTaskException(List.of(new FieldViolation("type",
                "must be one of: " + names()))));
    }

    /**
     * The logical queue tasks of kind {@code name} go to: the kind's, or {@code default} for a kind this deployment
     * no longer has (its tasks still go somewhere a worker reads, and are dead-lettered there).
     */
    default String queueOf(String name) {
        return find(name).map(k -> k.policy().queue()).orElse(TaskPolicy.DEFAULT_QUEUE);
    }

    /** The names, for messages: {@code email, reverse, sentiment}. */
    default String names() {
        return all().stream().map(TaskKind::name).collect(Collectors.joining(", "));
    }
}

package dev.taskq.domain;

import java.util.Map;

/**
 * What a user asks a task to work on. Each kind has its own class carrying its Bean Validation rules; the
 * same instances back the REST API and the Faces forms, so there is one set of rules.
 */
public sealed interface TaskInput permits EmailTask, TextTask {

    /** Longest text (or e-mail body) accepted, in characters. */
    int MAX_TEXT_LENGTH = 10_000;

    TaskKind kind();

    /** The input as flat name → value pairs, as stored in Redis and carried in the queue message. */
    Map<String, String> parameters();

    /** Rebuilds an input of {@code kind} from its {@link #parameters()}. */
    static TaskInput of(TaskKind kind, Map<String, String> parameters) {
        return switch (kind) {
            case EMAIL -> new EmailTask(parameters.get(EmailTask.RECIPIENT), parameters.get(EmailTask.SUBJECT),
                    parameters.get(EmailTask.BODY));
            case REVERSE, SENTIMENT -> new TextTask(kind, parameters.get(TextTask.TEXT));
        };
    }
}

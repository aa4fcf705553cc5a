package dev.taskq.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;

/** Input of a task that works on one text: "reverse" or "sentiment". A JavaBean so that Faces forms can bind to it. */
public final class TextTask implements TaskInput {
    static final String TEXT = "text";

    private final TaskKind kind;

    @NotBlank
    @Size(max = MAX_TEXT_LENGTH)
    private String text;

    public TextTask(TaskKind kind) {
        this(kind, null);
    }

    public TextTask(TaskKind kind, String text) {
        if (kind != TaskKind.REVERSE && kind != TaskKind.SENTIMENT) {
            throw new IllegalArgumentException("not a text task kind: " + kind);
        }
        this.kind = Objects.requireNonNull(kind);
        this.text = text;
    }

    @Override
    public TaskKind kind() {
        return kind;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(TEXT, text == null ? "" : text);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}

package dev.taskq.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Reverse text": the text backwards, by Unicode code point, so that characters outside the BMP stay whole. */
@TaskDefinition(name = "reverse", title = "Reverse text", description = "Returns the text backwards.")
@ApplicationScoped
public class ReverseTask implements TaskHandler<ReverseTask.Request> {
    /** Longest text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /** What "reverse text" takes. */
    public record Request(@NotBlank @Size(max = MAX_TEXT_LENGTH) @TaskField(label = "Text to reverse") String text) {
    }

    @Inject
    SimulatedWork work;

    @Override
    public String run(Request request, TaskContext context) throws InterruptedException {
        work.pause();
        return reverse(request.text());
    }

    /** {@code text} reversed by code point. */
    public static String reverse(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder(text.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return reversed.toString();
    }
}

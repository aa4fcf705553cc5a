package dev.taskq.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** "Sentiment": {@code positive} when the text contains "good" (any case), otherwise {@code negative}. */
@TaskDefinition(name = "sentiment", title = "Sentiment",
        description = "Positive when the text says “good”, negative otherwise.")
@ApplicationScoped
public class SentimentTask implements TaskHandler<SentimentTask.Request> {

    /** What "sentiment" takes. */
    public record Request(@NotBlank @Size(max = ReverseTask.MAX_TEXT_LENGTH) @TaskField(label = "Text to analyse")
            String text) {
    }

    @Inject
    SimulatedWork work;

    @Override
    public String run(Request request, TaskContext context) throws InterruptedException {
        work.pause();
        return sentiment(request.text());
    }

    /** "positive" or "negative". */
    public static String sentiment(String text) {
        return text.toLowerCase(Locale.ROOT).contains("good") ? "positive" : "negative";
    }
}

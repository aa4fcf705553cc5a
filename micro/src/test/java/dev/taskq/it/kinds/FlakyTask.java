package dev.taskq.it.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskFailedException;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** Always fails. Its annotation allows 5 retries; the test instance sets taskq.tasks.it-flaky.retries=1, so each task makes 2 attempts. */
@TaskDefinition(name = "it-flaky", title = "Fail", retries = 5, retryDelay = "PT0.2S", ui = false)
@ApplicationScoped
public class FlakyTask implements TaskHandler<FlakyTask.Request> {

    public record Request(@NotBlank String reason) {
    }

    @Override
    public String run(Request request, TaskContext context) {
        throw new TaskFailedException("failed on purpose: " + request.reason() + " (attempt " + context.attempt() + ")");
    }
}

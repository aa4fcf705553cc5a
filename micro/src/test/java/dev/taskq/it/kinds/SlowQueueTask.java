package dev.taskq.it.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Works {@code workMs} on a queue of its own, "slow", so that its backlog holds up no other kind. */
@TaskDefinition(name = "it-slow", title = "Slow work", queue = "slow", ui = false)
@ApplicationScoped
public class SlowQueueTask implements TaskHandler<SlowQueueTask.Request> {

    public record Request(@Min(0) @Max(60_000) int workMs) {
    }

    @Override
    public String run(Request request, TaskContext context) throws InterruptedException {
        Thread.sleep(request.workMs());
        return "slow work done";
    }
}

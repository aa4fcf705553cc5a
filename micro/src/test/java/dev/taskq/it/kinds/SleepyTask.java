package dev.taskq.it.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Works {@code workMs} within a time limit of 1 s, with 1 retry: past the limit its thread is interrupted. With
 * {@code ignoreInterrupts} it sleeps on through every interruption, as a badly behaved handler would.
 */
@TaskDefinition(name = "it-sleepy", title = "Sleep", retries = 1, retryDelay = "PT0.2S", timeLimit = "PT1S",
        ui = false)
@ApplicationScoped
public class SleepyTask implements TaskHandler<SleepyTask.Request> {

    public record Request(@Min(0) @Max(60_000) int workMs, boolean ignoreInterrupts) {
    }

    @Override
    public String run(Request request, TaskContext context) throws InterruptedException {
        long end = System.nanoTime() + request.workMs() * 1_000_000L;
        if (!request.ignoreInterrupts()) {
            Thread.sleep(request.workMs());
            return "worked " + request.workMs() + " ms";
        }
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                context.log("interrupted, carrying on");
            }
        }
        return "worked " + request.workMs() + " ms";
    }
}

package dev.taskq.it.kinds;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Counts to {@code steps}, one step every {@code stepMs}, reporting progress and a log line per step. When it is
 * revoked it logs "saw cancelled" and stops.
 */
@TaskDefinition(name = "it-count", title = "Count slowly", description = "Counts, reporting each step.",
        retries = 0)
@ApplicationScoped
public class CountingTask implements TaskHandler<CountingTask.Request> {

    public record Request(
            @NotBlank @Size(max = 40) @TaskField(label = "What to count", help = "a word for the log") String label,
            @Min(1) @Max(50) int steps,
            @Min(0) @Max(5000) int stepMs) {
    }

    @Override
    public String run(Request request, TaskContext context) {
        for (int step = 1; step <= request.steps(); step++) {
            if (context.cancelled()) {
                context.log("saw cancelled");
                return "stopped at " + step;
            }
            try {
                Thread.sleep(request.stepMs());
            } catch (InterruptedException e) {
                context.log(context.cancelled() ? "saw cancelled" : "interrupted");
                return "interrupted at " + step;
            }
            context.progress(step * 100 / request.steps(), "step " + step + " of " + request.steps());
            context.log(request.label() + " " + step);
        }
        return "counted " + request.steps() + " " + request.label();
    }
}

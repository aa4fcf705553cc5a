package dev.taskq.it.duplicate;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** A second kind named "reverse". */
@TaskDefinition(name = "reverse")
@ApplicationScoped
public class SecondReverseTask implements TaskHandler<SecondReverseTask.Request> {

    public record Request(String text) {
    }

    @Override
    public String run(Request request, TaskContext context) {
        return request.text();
    }
}

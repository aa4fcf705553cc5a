package dev.taskq.interfaces.rest;

import dev.taskq.application.TaskQueryService;
import dev.taskq.application.TaskSubmissionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The endpoints of the Flask app taskq replaces, in their original shape, for its existing clients:
 * {@code POST /submit} and {@code GET /check_status/{id}} (forwarded here by {@link SeedPathForwarder}).
 */
@Path(SeedCompatibilityResource.PATH)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SeedCompatibilityResource {
    static final String PATH = "/seed";
    /** The original submit body names the task type {@code form_type}. */
    static final String FORM_TYPE = "form_type";

    @Inject
    TaskSubmissionService submissions;
    @Inject
    TaskQueryService queries;

    /** {@code {"form_type":"email"|"reverse"|"sentiment", …fields}} → {@code {"task_id":…}}. */
    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public SeedSubmitted submit(TaskBody body) {
        return new SeedSubmitted(submissions.submit(TaskResource.requireBody(body).kindIn(FORM_TYPE),
                body.json()).id());
    }

    /** → exactly {@code {"task_id","state","result"}}. */
    @GET
    @Path("/check_status/{id}")
    public SeedStatus status(@PathParam("id") String id) {
        return queries.find(id)
                .map(task -> new SeedStatus(task.id(), task.state().name(),
                        task.result() != null ? task.result() : task.error()))
                .orElseThrow(() -> TaskResource.unknownTask(id));
    }

    public record SeedSubmitted(@JsonbProperty("task_id") String taskId) {
    }

    @JsonbNillable
    public record SeedStatus(@JsonbProperty("task_id") String taskId, String state, String result) {
    }
}

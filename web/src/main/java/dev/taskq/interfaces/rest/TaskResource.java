package dev.taskq.interfaces.rest;

import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskQueryService;
import dev.taskq.application.TaskSubmissionService;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.faulttolerance.Retry;

/** {@code /api/tasks}: submit a task, read a task. */
@Path("/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskSubmissionService submissions;
    @Inject
    TaskQueryService queries;

    /** Accepts a task: 202 with its id and a Location to poll, or a 4xx/503 problem. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(TaskRequest request, @Context UriInfo uri) {
        String id = submissions.submit(requireBody(request).typeName(), request.fields());
        return Response.accepted(new TaskAccepted(id, TaskState.PENDING.name()))
                .location(uri.getBaseUriBuilder().path(TaskResource.class).path(id).build())
                .build();
    }

    /**
     * The task with this id, or a 404 problem. A read changes nothing, so one that hits a Redis hiccup is tried
     * once more before the client gets a 503.
     * <p>
     * This is also the web module's MicroProfile Fault Tolerance annotation, which taskq.ear needs: Payara Server
     * switches Fault Tolerance on for an EAR only when one of its WAR modules uses it, and without that the
     * {@code @Retry} of the task attempts in the EJB module would silently do nothing.
     */
    @GET
    @Path("/{id}")
    @Retry(maxRetries = 1, delay = 100, jitter = 0, retryOn = StoreUnavailableException.class)
    public TaskView status(@PathParam("id") String id) {
        return queries.find(id).map(TaskView::of).orElseThrow(() -> unknownTask(id));
    }

    static <T> T requireBody(T request) {
        if (request == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return request;
    }

    static NotFoundException unknownTask(String id) {
        return new NotFoundException("no task with id " + id);
    }
}

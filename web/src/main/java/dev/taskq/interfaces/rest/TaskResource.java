package dev.taskq.interfaces.rest;

import dev.taskq.application.AcceptedTask;
import dev.taskq.application.TaskQueryService;
import dev.taskq.application.TaskSubmissionService.TaskRequest;
import dev.taskq.application.TaskSubmissionService;
import dev.taskq.application.TaskWaitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/tasks}: submit a task, read a task. */
@Path("/tasks")
// one instance for all requests: it holds no request state, and creating it per request (CDI + HK2 injection,
// Fault Tolerance proxy) was a tenth of the CPU taskq spent per task (docs/performance.md)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
public class TaskResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE_NAME;

    @Inject
    TaskSubmissionService submissions;
    @Inject
    TaskQueryService queries;
    @Inject
    TaskWaitService waits;

    /**
     * Accepts a task: 202 with its id and a Location to poll; or a batch (a JSON array), all or none: 202 with one
     * id per task in order; or a 4xx/503 problem.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a task, or a batch of tasks", description = "Checks the input, records the task"
            + " PENDING and queues it; with run_at (an RFC 3339 instant) or delay (an ISO-8601 duration such as PT30S,"
            + " or seconds) it is recorded SCHEDULED and queued when it falls due. A JSON array of 1 to "
            + TaskSubmissions.MAX_TASKS + " tasks is a batch: every task is checked first and one broken rule refuses"
            + " them all (errors name the task's index, [3].recipient); accepted, they are recorded in one step and"
            + " queued in one broker transaction, and the answer is an array of one {task_id, state} per task, in"
            + " the order sent.")
    // the body's schema (one per task kind, with its fields and rules) is added by KindSchemas
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                    @ExampleObject(name = "email", value = "{\"type\":\"email\",\"recipient\":\"ada@example.com\","
                            + "\"subject\":\"Hello\",\"body\":\"Hi Ada\"}"),
                    @ExampleObject(name = "reverse", value = "{\"type\":\"reverse\",\"text\":\"hello\"}"),
                    @ExampleObject(name = "sentiment", value = "{\"type\":\"sentiment\",\"text\":\"a good day\"}"),
                    @ExampleObject(name = "in 30 seconds", value = "{\"type\":\"reverse\",\"text\":\"later\","
                            + "\"delay\":\"PT30S\"}"),
                    @ExampleObject(name = "a batch", value = "[{\"type\":\"reverse\",\"text\":\"one\"},"
                            + "{\"type\":\"sentiment\",\"text\":\"a good day\"}]")}))
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location. A batch is answered with an"
            + " array of these, one per task in the order sent, and no Location",
            content = @Content(schema = @Schema(implementation = TaskAccepted.class), examples = {
                    @ExampleObject(name = "accepted", value = "{\"task_id\":\"0b9e5c2e-7d1f-4c41-9a57-2f3c1d1e8a10\","
                            + "\"state\":\"PENDING\"}"),
                    @ExampleObject(name = "a batch accepted", value = "[{\"task_id\":\"0b9e5c2e-7d1f-4c41-9a57-"
                            + "2f3c1d1e8a10\",\"state\":\"PENDING\"},{\"task_id\":\"5d0c3a8e-1b7f-4e2a-8c55-"
                            + "9a1d2e3f4b60\",\"state\":\"PENDING\"}]")}))
    @APIResponse(responseCode = "400", description = "The input breaks a rule (each field's error in errors), the"
            + " type is not a kind of task this deployment runs (errors lists them), run_at or delay is wrong (both"
            + " given, unreadable, in the past, beyond taskq.scheduling.max-delay), the body is not JSON, or a batch is empty,"
            + " holds more than " + TaskSubmissions.MAX_TASKS + " tasks or one that is not an object",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = "{\"type\":\"https://taskq.dev/problems/"
                            + "invalid-task\",\"title\":\"The task is not valid\",\"status\":400,\"detail\":"
                            + "\"recipient: must be a well-formed email address\",\"errors\":[{\"field\":"
                            + "\"recipient\",\"message\":\"must be a well-formed email address\"}]}")))
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB (a batch: over 4 MiB)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "RabbitMQ or Redis is down; nothing was kept (Retry-After)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response submit(TaskSubmissions body, @Context UriInfo uri) {
        if (requireBody(body).batch()) {
            return Response.accepted(submissions.submitAll(body.tasks().stream()
                    .map(task -> new TaskRequest(task.kindIn("type"), task.json())).toList()).stream()
                    .map(TaskAccepted::of).toList()).build();
        }
        TaskBody task = body.tasks().get(0);
        AcceptedTask accepted = submissions.submit(task.kindIn("type"), task.json());
        return Response.accepted(TaskAccepted.of(accepted))
                .location(uri.getBaseUriBuilder().path(TaskResource.class).path(accepted.id()).build())
                .build();
    }

    /**
     * The task with this id, or a 404 problem; a 503 problem when Redis cannot be reached (the client polls again).
     * With {@code wait} (an ISO-8601 duration, at most taskq.api.max-wait) the answer waits until the task has ended
     * or that time has passed, woken by the task's change (TaskWaitService), not by reading Redis again. It carries
     * no Fault Tolerance interceptor: on the path every task's client takes, the interceptor cost more CPU than the
     * Redis read it guarded (docs/performance.md).
     */
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a task", description = "Its state, result or error, attempts, times, and history "
            + "(which instance made each step). With wait (an ISO-8601 duration such as PT10S, or seconds; at most"
            + " taskq.api.max-wait, 60 s by default) a task that has not ended is answered once it ends (SUCCESS,"
            + " FAILURE, REVOKED) or, at the latest, when that time has passed, as it is then.")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "wait is not a duration, or is negative",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task (or it expired)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Redis is down",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void status(@PathParam("id") String id,
            @Parameter(description = "how long to wait for the task to end, e.g. PT10S")
            @QueryParam("wait") String wait, @Suspended AsyncResponse response) {
        if (wait == null) {
            response.resume(queries.find(id).map(TaskView::of).orElseThrow(() -> unknownTask(id)));
            return;
        }
        Duration waitTime;
        try {
            waitTime = waits.waitTime(wait);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        waits.whenEnded(id, waitTime).whenComplete((task, error) -> response.resume(error != null ? error
                : task.map(TaskView::of).<Object>map(view -> view).orElseGet(() -> unknownTask(id))));
    }

    /** The last lines its handler logged ({@code TaskContext.log}), oldest first, or a 404 problem. */
    @GET
    @Path("/{id}/logs")
    @Operation(summary = "Read a task's log", description = "The last lines (taskq.tasks.log-lines) its handler "
            + "kept with TaskContext.log, oldest first; they expire with the task.")
    @APIResponse(responseCode = "200", description = "The lines",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such task (or it expired)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<String> logs(@PathParam("id") String id) {
        return queries.logs(id).orElseThrow(() -> unknownTask(id));
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

package dev.taskq.interfaces.rest;

import dev.taskq.application.DashboardQueryService;
import dev.taskq.application.QueueDepth;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.TaskAdministrationService;
import dev.taskq.application.TaskListQuery;
import dev.taskq.application.TaskPage;
import dev.taskq.application.TaskKinds;
import dev.taskq.application.TaskQueryService;
import dev.taskq.application.Throughput;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin}: what the dashboard shows and does, for scripts — every task (paged, filtered), counts per
 * state, instances, queues, the last hour's figures; cancel, requeue, delete. Needs the operator's login.
 */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "The operator's view and actions (login required)")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong login",
        content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
public class AdminResource {
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no task with id 0b9e…"}""";
    private static final String CONFLICT_EXAMPLE = """
            {"type":"https://taskq.dev/problems/wrong-state","title":"The task is not in a state that allows this",
             "status":409,"detail":"task 0b9e… is SUCCESS; only PENDING or STARTED or RETRY tasks can be cancelled"}""";

    @Inject
    DashboardQueryService dashboard;
    @Inject
    TaskAdministrationService administration;
    @Inject
    TaskQueryService queries;
    @Inject
    TaskKinds kinds;
    @Context
    SecurityContext security;

    @GET
    @Path("/tasks")
    @Operation(summary = "List tasks", description = "Every task in the store, newest first unless asked otherwise, "
            + "with the counts per state.")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(schema = @Schema(implementation = TaskListView.class)))
    @APIResponse(responseCode = "400", description = "A filter is not a known state or kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME,
                    schema = @Schema(implementation = Problem.class)))
    public TaskListView tasks(
            @Parameter(description = "only tasks in this state", example = "FAILURE") @QueryParam("state")
            String state,
            @Parameter(description = "only tasks of this kind", example = "email") @QueryParam("kind") String kind,
            @Parameter(description = "only tasks whose id starts with this") @QueryParam("id") String idPrefix,
            @Parameter(description = "newest (default) or oldest first") @QueryParam("order")
            @DefaultValue("newest") String order,
            @Parameter(description = "tasks to skip") @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "page size, 1…100") @QueryParam("limit") @DefaultValue("25") int limit) {
        TaskListQuery query;
        try {
            query = new TaskListQuery(stateNamed(state), kindNamed(kind), idPrefix, !"oldest".equals(order), offset,
                    limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return TaskListView.of(dashboard.tasks(query), dashboard.countsByState());
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Tasks per state")
    public Map<TaskState, Long> counts() {
        return dashboard.countsByState();
    }

    @GET
    @Path("/workers")
    @Operation(summary = "Every taskq instance", description = "Instances report every few seconds; one whose "
            + "reports stop is shown offline after taskq.workers.offline-after-seconds.")
    public List<WorkerView> workers() {
        return dashboard.workers().stream().map(WorkerView::of).toList();
    }

    /**
     * The queues' depths. A read that meets a broker hiccup is tried once more before the client gets a 503.
     * <p>
     * This is also the web module's MicroProfile Fault Tolerance annotation, which taskq.ear needs: Payara Server
     * switches Fault Tolerance on for an EAR only when one of its WAR modules uses it, and without that the
     * {@code @Retry} of the task attempts in the EJB module would silently do nothing.
     */
    @GET
    @Path("/queues")
    @Retry(maxRetries = 1, delay = 100, jitter = 0, retryOn = QueueUnavailableException.class)
    @Operation(summary = "Depth and consumers of the task queue and the dead-letter queue")
    @APIResponse(responseCode = "503", description = "RabbitMQ is not reachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME,
                    schema = @Schema(implementation = Problem.class)))
    public List<QueueDepth> queues() {
        return dashboard.queues();
    }

    @GET
    @Path("/throughput")
    @Operation(summary = "Tasks finished per minute and latency percentiles over the last hour")
    public Throughput throughput() {
        return dashboard.throughput();
    }

    @POST
    @Path("/tasks/{id}/cancel")
    @Operation(summary = "Revoke a task that has not finished", description = "PENDING, STARTED or RETRY → "
            + "REVOKED: a worker that takes its message skips it; a running handler sees cancelled() and is "
            + "interrupted, and nothing it returns is committed.")
    @APIResponse(responseCode = "200", description = "Cancelled: the task as it is now",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The task has finished", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "started", value = CONFLICT_EXAMPLE)))
    public TaskView cancel(@PathParam("id") String id) {
        administration.cancel(id, operator());
        return current(id);
    }

    @POST
    @Path("/tasks/{id}/requeue")
    @Operation(summary = "Run a failed task again", description = "FAILURE → PENDING and enqueued: new attempts, "
            + "the history keeps the failed run.")
    @APIResponse(responseCode = "202", description = "Requeued: the task as it is now",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task is not FAILURE", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "RabbitMQ did not take it; the task stays FAILURE",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME,
                    schema = @Schema(implementation = Problem.class)))
    public Response requeue(@PathParam("id") String id) {
        administration.requeue(id, operator());
        return Response.accepted(current(id)).build();
    }

    @DELETE
    @Path("/tasks/{id}")
    @Operation(summary = "Delete a finished task", description = "SUCCESS, FAILURE or REVOKED tasks only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task has not finished", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        administration.delete(id, operator());
        return Response.noContent().build();
    }

    private TaskView current(String id) {
        return queries.find(id).map(TaskView::of).orElseThrow(() -> TaskResource.unknownTask(id));
    }

    private String operator() {
        return operatorOf(security);
    }

    /** The logged-in operator's name, as the history and the logs record who acted. */
    static String operatorOf(SecurityContext security) {
        return security.getUserPrincipal() == null ? "an operator" : security.getUserPrincipal().getName();
    }

    static TaskState stateNamed(String name) {
        return name == null || name.isBlank() ? null : TaskState.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    private String kindNamed(String name) {
        return name == null || name.isBlank() ? null : kinds.find(name.strip().toLowerCase(Locale.ROOT))
                .map(TaskKind::name)
                .orElseThrow(() -> new IllegalArgumentException("kind must be one of: " + kinds.names()));
    }

    /** A page of the task list, with the counts per state of the whole store. */
    @Schema(name = "TaskList")
    public record TaskListView(long total, int offset, int limit, Map<TaskState, Long> counts,
            @Schema(type = SchemaType.ARRAY, implementation = TaskView.class) List<TaskView> tasks) {
        static TaskListView of(TaskPage page, Map<TaskState, Long> counts) {
            return new TaskListView(page.total(), page.offset(), page.limit(), counts,
                    page.tasks().stream().map(TaskView::of).toList());
        }
    }
}

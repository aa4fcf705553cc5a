package dev.taskq.interfaces.rest;

import dev.taskq.application.ScheduleNotFoundException;
import dev.taskq.application.ScheduleService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/schedules}: recurring schedules — list, read, create, replace, delete, pause, resume, trigger
 * now. Needs the operator's login, as the rest of {@code /api/admin}.
 */
@Path("/admin/schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "schedules", description = "Recurring schedules (login required)")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong login",
        content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
public class ScheduleResource {
    private static final String INVALID_EXAMPLE = """
            {"type":"https://taskq.dev/problems/invalid-schedule","title":"The schedule is not valid","status":400,
             "detail":"cron: '61 * * * *' is not a cron expression: ...","errors":[{"field":"cron","message":"..."}]}""";

    @Inject
    ScheduleService schedules;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List schedules", description = "Each with its cron in words, next run and last runs.")
    @APIResponse(responseCode = "200", description = "The schedules, by id")
    public List<ScheduleView> list() {
        return schedules.list().stream().map(ScheduleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a schedule")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public ScheduleView read(@PathParam("id") String id) {
        return schedules.find(id).map(ScheduleView::of).orElseThrow(() -> new ScheduleNotFoundException(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule", description = "Its slots count from now on; it is stored in Redis "
            + "and fired by every instance, each slot once.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (errors names each)", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "bad cron", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A schedule with this id exists", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public Response create(ScheduleBody body, @Context UriInfo uri) {
        ScheduleView created = ScheduleView.of(schedules.create(TaskResource.requireBody(body).toRequest(),
                operator()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a schedule's definition", description = "It keeps its runs; a changed cron "
            + "counts slots from now on.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public ScheduleView replace(@PathParam("id") String id, ScheduleBody body) {
        return ScheduleView.of(schedules.replace(id, TaskResource.requireBody(body).toRequest(), operator()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a schedule", description = "Its runs go with it; the tasks it made stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        schedules.delete(id, operator());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a schedule", description = "No slot fires until it is resumed.")
    @APIResponse(responseCode = "200", description = "Paused",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public ScheduleView pause(@PathParam("id") String id) {
        return ScheduleView.of(schedules.pause(id, operator()));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused schedule", description = "From its next slot on; the slots passed while "
            + "paused are not caught up.")
    @APIResponse(responseCode = "200", description = "Resumed",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public ScheduleView resume(@PathParam("id") String id) {
        return ScheduleView.of(schedules.resume(id, operator()));
    }

    @POST
    @Path("/{id}/trigger")
    @Operation(summary = "Run a schedule's task now", description = "One task outside its slots, paused or not.")
    @APIResponse(responseCode = "202", description = "The task was made: {\"task_id\":…}; poll /api/tasks/{id}")
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(
            mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public Response trigger(@PathParam("id") String id, @Context UriInfo uri) {
        String taskId = schedules.trigger(id, operator());
        return Response.accepted(Map.of("task_id", taskId))
                .location(uri.getBaseUriBuilder().path(TaskResource.class).path(taskId).build()).build();
    }

    private String operator() {
        return AdminResource.operatorOf(security);
    }
}

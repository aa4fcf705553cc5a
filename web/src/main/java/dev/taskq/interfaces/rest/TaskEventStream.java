package dev.taskq.interfaces.rest;

import dev.taskq.application.TaskChange;
import dev.taskq.application.TaskChanges;
import dev.taskq.application.TaskQueryService;
import dev.taskq.application.TaskWaitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/tasks/events?ids=a,b,c}: the state changes of these tasks as server-sent events, first one per task
 * with its current state, then one per change as it is committed, and the running tasks' reports as events named
 * {@value #REPORT_EVENT}. The web UI's live regions follow their unfinished tasks with it.
 */
@Path("/tasks/events")
@ApplicationScoped
@Tag(name = "tasks")
public class TaskEventStream {
    // made once: Json.createObjectBuilder looks the JSON-P provider up with a ServiceLoader per call
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** The name of the events that carry a running task's report (progress, log lines), not a change of state. */
    static final String REPORT_EVENT = "progress";

    /** The most tasks one stream follows. */
    static final int MAX_TASKS = 100;

    @Inject
    TaskWaitService waits;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow tasks' state changes (server-sent events)", description = "One event per task"
            + " with its current state on connecting (an unknown or expired task has none), then one per state"
            + " change as it is committed; each event's data is {\"task_id\", \"state\", \"at\"} (at: when the"
            + " change was made, RFC 3339). While a task runs, each report of its handler (progress, or lines it"
            + " logged) is an event named \"progress\" with the same fields, plus progress (0-100) and message"
            + " when it reported progress; a client reading only unnamed events sees only state changes. The stream"
            + " stays open until the client closes it.")
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400", description = "ids is missing, holds something that is not a task id, or"
            + " more than " + MAX_TASKS + " ids",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(implementation = Problem.class)))
    public void follow(@Parameter(description = "the tasks' ids, comma-separated, at most " + MAX_TASKS)
            @QueryParam("ids") String ids, @Context SseEventSink sink, @Context Sse sse) {
        List<String> wanted = taskIds(ids);
        TaskChanges.Subscription[] subscription = new TaskChanges.Subscription[1];
        subscription[0] = waits.follow(wanted, change -> {
            if (sink.isClosed()) {
                if (subscription[0] != null) {
                    subscription[0].close();
                }
                return;
            }
            OutboundSseEvent.Builder event = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, json(change));
            if (change.report()) {
                event.name(REPORT_EVENT);
            }
            sink.send(event.build()).whenComplete((sent, error) -> {
                        if (error != null && subscription[0] != null) {
                            subscription[0].close();
                        }
                    });
        });
    }

    static List<String> taskIds(String ids) {
        if (ids == null || ids.isBlank()) {
            throw new BadRequestException("ids: the tasks' ids, comma-separated, are required");
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).map(id -> id.toLowerCase(Locale.ROOT))
                .distinct().toList();
        if (wanted.size() > MAX_TASKS) {
            throw new BadRequestException("ids: at most " + MAX_TASKS + " tasks per stream");
        }
        for (String id : wanted) {
            if (!TaskQueryService.isTaskId(id)) {
                throw new BadRequestException("ids: '" + id + "' is not a task id");
            }
        }
        return wanted;
    }

    static String json(TaskChange change) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("task_id", change.taskId())
                .add("state", change.state().name()).add("at", change.at().toString());
        if (change.progress() != null) {
            json.add("progress", change.progress());
            if (change.progressMessage() != null && !change.progressMessage().isEmpty()) {
                json.add("message", change.progressMessage());
            }
        }
        return json.build().toString();
    }
}

package dev.taskq.interfaces.rest;

import dev.taskq.application.DashboardQueryService;
import dev.taskq.application.Throughput;
import dev.taskq.domain.TaskState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/stream}: the dashboard's live figures as server-sent events. Every
 * {@value #PERIOD_SECONDS} s (and once on connecting) each subscriber gets a {@code snapshot} event: the counts per
 * state and the last hour's throughput. One reading of Redis is shared by all subscribers.
 */
@Path("/admin/stream")
@ApplicationScoped
@Tag(name = "admin")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
public class DashboardStream {
    private static final Logger LOG = Logger.getLogger(DashboardStream.class.getName());
    static final long PERIOD_SECONDS = 5;

    @Inject
    DashboardQueryService dashboard;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private Sse sse;
    private SseBroadcaster broadcaster;
    private ScheduledFuture<?> ticks;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live counts and throughput (server-sent events named 'snapshot')")
    public synchronized void subscribe(@Context SseEventSink sink, @Context Sse sse) {
        if (broadcaster == null) {
            this.sse = sse;
            broadcaster = sse.newBroadcaster();
            ticks = scheduler.scheduleAtFixedRate(this::publish, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
        broadcaster.register(sink);
        OutboundSseEvent first = snapshot();
        if (first != null) {
            sink.send(first);
        }
    }

    private void publish() {
        OutboundSseEvent event = snapshot();
        if (event != null) {
            broadcaster.broadcast(event);
        }
    }

    private OutboundSseEvent snapshot() {
        try {
            Snapshot snapshot = new Snapshot(dashboard.countsByState(), dashboard.throughput());
            return sse.newEventBuilder().name("snapshot").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Snapshot.class, snapshot).build();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no dashboard snapshot this time", e);
            return null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (ticks != null) {
            ticks.cancel(false);
            broadcaster.close();
        }
    }

    /** What one event carries. */
    public record Snapshot(Map<TaskState, Long> counts, Throughput throughput) {
    }
}

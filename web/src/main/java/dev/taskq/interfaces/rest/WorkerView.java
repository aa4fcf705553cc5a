package dev.taskq.interfaces.rest;

import dev.taskq.application.DashboardQueryService.Worker;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** One taskq instance as {@code GET /api/admin/workers} shows it. */
@JsonbNillable
public record WorkerView(String name, String host, boolean online,
        @JsonbProperty("started_at") Instant startedAt,
        @JsonbProperty("pool_size") int poolSize,
        int busy, long processed, long failed,
        @JsonbProperty("last_seen") Instant lastSeen,
        @JsonbProperty("stopped_at") Instant stoppedAt) {

    static WorkerView of(Worker worker) {
        var s = worker.status();
        return new WorkerView(s.name(), s.host(), worker.online(), s.startedAt(), s.poolSize(), s.busy(),
                s.processed(), s.failed(), s.lastSeen(), s.stoppedAt());
    }
}

package dev.taskq.infrastructure.redis;

import static dev.taskq.infrastructure.redis.RedisCalls.call;

import dev.taskq.application.TaskCatalog;
import dev.taskq.application.TaskListQuery;
import dev.taskq.application.TaskPage;
import dev.taskq.application.TaskStore;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * {@link TaskCatalog} over the index sets of {@link RedisTaskIndex}: a page is a range of one sorted set (of the
 * intersection of the state and kind sets when both filters are given, kept for a few seconds), so listing costs
 * the page, not the store. Ids whose record has expired are dropped from the sets as they are met.
 */
@ApplicationScoped
public class RedisTaskCatalog implements TaskCatalog {
    private static final Logger LOG = Logger.getLogger(RedisTaskCatalog.class.getName());
    /** How long an intersection of a state and a kind set is reused. */
    private static final long INTERSECTION_TTL_SECONDS = 2;
    /** The most matches an id-prefix search collects. */
    static final int MAX_SEARCH_MATCHES = 500;

    @Inject
    RedisConnection redis;
    @Inject
    RedisTaskIndex index;
    @Inject
    TaskStore store;

    @Override
    public TaskPage list(TaskListQuery query) {
        return query.idPrefix() != null ? search(query) : range(query);
    }

    private TaskPage range(TaskListQuery query) {
        return call(() -> {
            String key = setFor(query);
            long total = redis.jedis().zcard(key);
            long last = (long) query.offset() + query.limit() - 1;
            List<String> ids = query.newestFirst() ? redis.jedis().zrevrange(key, query.offset(), last)
                    : redis.jedis().zrange(key, query.offset(), last);
            List<TaskRecord> tasks = new ArrayList<>(ids.size());
            for (String id : ids) {
                Optional<TaskRecord> task = store.find(id);
                if (task.isPresent() && query.matches(task.get())) {
                    tasks.add(task.get());
                } else {
                    index.reindex(id);
                    total--;
                }
            }
            return new TaskPage(tasks, Math.max(total, tasks.size()), query.offset(), query.limit());
        });
    }

    /** Tasks whose id starts with the prefix: a scan of the all-tasks set, then filtered and paged here. */
    private TaskPage search(TaskListQuery query) {
        return call(() -> {
            Map<String, Double> scores = new LinkedHashMap<>();
            ScanParams match = new ScanParams().match(query.idPrefix() + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<Tuple> page = redis.jedis().zscan(index.all(), cursor, match);
                page.getResult().forEach(t -> scores.put(t.getElement(), t.getScore()));
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && scores.size() < MAX_SEARCH_MATCHES);
            Comparator<TaskRecord> bySubmission = Comparator.comparing(TaskRecord::submittedAt);
            List<TaskRecord> found = scores.keySet().stream().map(store::find).flatMap(Optional::stream)
                    .filter(query::matches)
                    .sorted(query.newestFirst() ? bySubmission.reversed() : bySubmission).toList();
            List<TaskRecord> page = found.stream().skip(query.offset()).limit(query.limit()).toList();
            return new TaskPage(page, found.size(), query.offset(), query.limit());
        });
    }

    private String setFor(TaskListQuery query) {
        if (query.state() == null) {
            return query.kind() == null ? index.all() : index.ofKind(query.kind());
        }
        if (query.kind() == null) {
            return index.of(query.state());
        }
        String both = redis.key("tasks", "query", query.state().name(), query.kind());
        if (!redis.jedis().exists(both)) {
            redis.jedis().zinterstore(both, new ZParams().aggregate(ZParams.Aggregate.MAX),
                    index.of(query.state()), index.ofKind(query.kind()));
            redis.jedis().expire(both, INTERSECTION_TTL_SECONDS);
        }
        return both;
    }

    @Override
    public Map<TaskState, Long> countsByState() {
        return call(() -> {
            Map<TaskState, Response<Long>> counts = new EnumMap<>(TaskState.class);
            try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                for (TaskState state : TaskState.values()) {
                    counts.put(state, pipeline.zcard(index.of(state)));
                }
                pipeline.sync();
            }
            Map<TaskState, Long> result = new EnumMap<>(TaskState.class);
            counts.forEach((state, count) -> result.put(state, count.get()));
            return result;
        });
    }

    @Override
    public int forgetExpired(int max) {
        return call(() -> {
            int forgotten = 0;
            for (TaskState state : TaskState.values()) {
                if (!state.isTerminal()) {
                    continue;
                }
                List<String> oldest = redis.jedis().zrange(index.of(state), 0, max - 1L);
                Map<String, Response<Boolean>> exists = new LinkedHashMap<>();
                try (AbstractPipeline pipeline = redis.jedis().pipelined()) {
                    oldest.forEach(id -> exists.put(id, pipeline.exists(redis.key("task", id))));
                    pipeline.sync();
                }
                for (Map.Entry<String, Response<Boolean>> e : exists.entrySet()) {
                    if (!e.getValue().get()) {
                        index.reindex(e.getKey());
                        forgotten++;
                    }
                }
            }
            return forgotten;
        });
    }

    @Override
    public int indexUnindexed() {
        String marker = redis.key("tasks", "indexed");
        return call(() -> {
            if (redis.jedis().exists(marker)) {
                return 0;
            }
            int indexed = 0;
            ScanParams match = new ScanParams().match(redis.key("task", "*")).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.jedis().scan(cursor, match);
                for (String key : page.getResult()) {
                    if (key.endsWith(":history")) {
                        continue;
                    }
                    List<String> fields = redis.jedis().hmget(key, "id", "submitted_at");
                    if (fields.get(0) != null && fields.get(1) != null) {
                        index.reindex(fields.get(0), Instant.parse(fields.get(1)));
                        indexed++;
                    }
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            redis.jedis().set(marker, Instant.now().toString());
            int count = indexed;
            LOG.info(() -> "indexed " + count + " tasks stored before the task indexes existed");
            return indexed;
        });
    }
}

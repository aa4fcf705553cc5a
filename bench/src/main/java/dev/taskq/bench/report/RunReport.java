package dev.taskq.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskq.bench.BenchSettings;
import dev.taskq.bench.instance.ProcessSampler.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Writes what one run measured to {@code run-N.json} in the report folder, then refreshes the summary. Its
 * {@code target} says which system it measured ({@code taskq} or {@code celery}); {@code instance} holds that
 * system's start-up and memory figures.
 */
public final class RunReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> instance = new LinkedHashMap<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    public RunReport() {
        machine.put("started_at", Instant.now().toString());
        machine.put("loadavg_before", loadAverage());
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
    }

    /** The system under test came up: launch → first task done, and its memory then (idle). */
    public void instanceStarted(long startToFirstTaskMillis, Sample idle) {
        instance.put("start_to_first_task_ms", startToFirstTaskMillis);
        instance.put("rss_idle_mib", PhaseResult.round(idle.rssMiB()));
    }

    /**
     * Records how the Redis both stacks use persists its writes right now ({@code machine.redis_persistence}, e.g.
     * "appendonly yes, appendfsync always" as the guarantee needs it, or "appendonly no" as the local test default;
     * run-simulation.sh sets it with BENCH_REDIS_FSYNC), from its own CONFIG GET; "unknown" if it does not say.
     */
    public void redisPersistence(String redisHost) {
        String persistence;
        try (Jedis redis = new Jedis(redisHost, 6379)) {
            Map<String, String> config = new LinkedHashMap<>(redis.configGet("appendonly"));
            config.putAll(redis.configGet("appendfsync"));
            persistence = "yes".equals(config.get("appendonly"))
                    ? "appendonly yes, appendfsync " + config.get("appendfsync") : "appendonly no";
        } catch (RuntimeException e) {
            persistence = "unknown (" + e.getMessage() + ")";
        }
        machine.put("redis_persistence", persistence);
    }

    /**
     * Writes {@code run-<run>.json} from the phases, the system under test's samples and those of the processes
     * alongside it (by name: the load generator, RabbitMQ and Redis), and the summary over every run file in the
     * folder.
     *
     * @return the run file
     */
    public Path write(BenchSettings settings, List<PhaseLog> phases, List<Sample> samples,
            Map<String, List<Sample>> alongside) throws IOException {
        machine.put("loadavg_after", loadAverage());
        instance.put("rss_load_max_mib", PhaseResult.round(samples.stream().mapToDouble(Sample::rssMiB).max()
                .orElse(0)));
        instance.put("cpu_s_total", samples.isEmpty() ? 0 : samples.get(samples.size() - 1).cpuSeconds());
        Map<String, Object> results = new LinkedHashMap<>();
        for (PhaseLog phase : phases) {
            if (phase.reported()) {
                results.put(phase.name(), PhaseResult.of(phase, samples, alongside));
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String key : List.of("lost", "errors", "tasks_not_success")) {
            totals.put(key, results.values().stream()
                    .mapToLong(r -> ((Number) ((Map<?, ?>) r).get(key)).longValue()).sum());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", settings.run());
        run.put("target", settings.target());
        run.put("machine", machine);
        run.put("instance", instance);
        run.put("totals", totals);
        run.put("phases", results);
        Files.createDirectories(settings.reportDir());
        Path file = settings.reportDir().resolve("run-" + settings.run() + ".json");
        JSON.writeValue(file.toFile(), run);
        Summary.write(settings.reportDir());
        return file;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}

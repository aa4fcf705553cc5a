package dev.taskq.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Summarises every {@code run-N.json} of a report folder as min / median / max per number (the machine is shared
 * and noisy, so single runs say little): {@code summary.json} with all of them, {@code summary.md} with the ones
 * the issue sets targets for, side by side with the target (taskq's targets: shown for runs of taskq only). A number
 * that the runs do not have (e.g. the server-side latencies of the Celery stack) is left out of both.
 */
public final class Summary {

    /** A headline row: what it is, where it is in a run file, and the target. */
    private record Headline(String label, String path, String target) {
    }

    private static final List<Headline> HEADLINES = List.of(
            new Headline("burst, 16 clients: tasks completed/s end to end", "phases.burst-16.completed_per_s",
                    "2.5× the Celery stack on this machine (BENCH_TARGETS=\"taskq celery\")"),
            new Headline("burst, 16 clients: accepted tasks/s (202s per second)", "phases.burst-16.submit_per_s",
                    "2× the Celery stack's Flask"),
            new Headline("burst, 16 clients: submit p99 ms", "phases.burst-16.submit_response_ms.p99", ""),
            new Headline("burst, 64 clients: tasks completed/s end to end", "phases.burst-64.completed_per_s", ""),
            new Headline("burst, 64 clients: accepted tasks/s (202s per second)", "phases.burst-64.submit_per_s",
                    "2× the Celery stack's Flask"),
            new Headline("burst, 64 clients: submit p99 ms", "phases.burst-64.submit_response_ms.p99", ""),
            new Headline("batch, 1 client, arrays of bench.batch.size: accepted tasks/s", "phases.batch.submit_per_s",
                    "≥ 5 000"),
            new Headline("batch: p99 of one batch request ms", "phases.batch.submit_response_ms.p99", ""),
            new Headline("batch: tasks completed/s end to end", "phases.batch.completed_per_s", ""),
            new Headline("batch: lost tasks", "phases.batch.lost", "0"),
            new Headline("steady 200/s: p99 submit→done, server (task records) ms",
                    "phases.steady-200.latency_server_ms.p99", "< 50"),
            // MicroProfile histograms keep a decaying sample of the instance's whole life: the warm-up's and the
            // bursts' queueing is still in it after a 60 s phase, so this lags and is no measure of the phase
            new Headline("steady 200/s: p99 of the instance's latency histogram ms (its whole life; lags)",
                    "phases.steady-200.latency_histogram_ms.p99", ""),
            new Headline("steady 200/s: p99 submit→done seen by the client ms",
                    "phases.steady-200.latency_client_ms.p99", "< 50"),
            new Headline("steady 500/s: tasks completed/s", "phases.steady-500.completed_per_s", ""),
            new Headline("steady 500/s: p99 submit→done, server ms", "phases.steady-500.latency_server_ms.p99", ""),
            new Headline("lost tasks (all phases)", "totals.lost", "0"),
            new Headline("errors (all phases)", "totals.errors", "0"),
            new Headline("start → first task processed ms", "instance.start_to_first_task_ms", ""),
            new Headline("RSS idle MiB", "instance.rss_idle_mib", ""),
            new Headline("RSS under load (max) MiB", "instance.rss_load_max_mib", ""),
            new Headline("CPU s per 1 000 tasks (burst, 16 clients)", "phases.burst-16.cpu_s_per_1000_tasks", ""),
            new Headline("CPU s per 1 000 tasks (steady 200/s)", "phases.steady-200.cpu_s_per_1000_tasks", ""),
            new Headline("load generator (Gatling) CPU s per 1 000 tasks (burst, 16 clients)",
                    "phases.burst-16.load_generator_cpu_s_per_1000_tasks", ""),
            new Headline("RabbitMQ + Redis CPU s per 1 000 tasks (burst, 16 clients)",
                    "phases.burst-16.rabbitmq_redis_cpu_s_per_1000_tasks", ""));

    private Summary() {
    }

    /** Reads the run files of {@code reportDir} and (re)writes summary.json and summary.md there. */
    public static void write(Path reportDir) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("run-\\d+\\.json"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                runs.add(RunReport.JSON.readTree(file.toFile()));
            }
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            collect("", run, values);
        }
        values.remove("run");
        Map<String, Object> metrics = new LinkedHashMap<>();
        values.forEach((path, list) -> metrics.put(path, stats(list)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("target", target(runs));
        summary.put("runs", runs.stream().map(r -> Map.of("run", r.path("run").asInt(),
                "started_at", r.path("machine").path("started_at").asText(),
                "loadavg_before", r.path("machine").path("loadavg_before").asText(),
                "loadavg_after", r.path("machine").path("loadavg_after").asText(),
                "redis_persistence", r.path("machine").path("redis_persistence").asText(""))).toList());
        summary.put("metrics", metrics);
        RunReport.JSON.writeValue(reportDir.resolve("summary.json").toFile(), summary);
        Files.writeString(reportDir.resolve("summary.md"), markdown(runs, metrics));
    }

    private static void collect(String prefix, JsonNode node, Map<String, List<Double>> values) {
        if (node.isNumber()) {
            values.computeIfAbsent(prefix, k -> new ArrayList<>()).add(node.asDouble());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        }
    }

    private static Map<String, Object> stats(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("min", PhaseResult.round(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)));
        s.put("median", PhaseResult.round(PhaseResult.median(v)));
        s.put("max", PhaseResult.round(values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        s.put("values", values);
        return s;
    }

    private static String markdown(List<JsonNode> runs, Map<String, Object> metrics) {
        String target = target(runs);
        boolean taskq = target.equals("taskq");
        StringBuilder md = new StringBuilder("# taskq benchmark, target ").append(target).append(": ")
                .append(runs.size())
                .append(runs.size() == 1 ? " run" : " runs, median (min–max)").append("\n\n");
        for (JsonNode run : runs) {
            md.append("- run ").append(run.path("run").asInt()).append(": started ")
                    .append(run.path("machine").path("started_at").asText()).append(", load average before ")
                    .append(run.path("machine").path("loadavg_before").asText()).append(", after ")
                    .append(run.path("machine").path("loadavg_after").asText()).append(", Redis ")
                    .append(run.path("machine").path("redis_persistence").asText("persistence not recorded"))
                    .append('\n');
        }
        md.append(taskq ? "\n| metric | target | median (min–max) |\n| --- | --- | --- |\n"
                : "\n| metric | median (min–max) |\n| --- | --- |\n");
        for (Headline h : HEADLINES) {
            if (metrics.containsKey(h.path())) {
                md.append("| ").append(h.label()).append(" | ");
                if (taskq) {
                    md.append(h.target().isEmpty() ? "—" : h.target()).append(" | ");
                }
                md.append(cell(metrics.get(h.path()))).append(" |\n");
            }
        }
        md.append("\n## Every number\n\n| metric | median (min–max) |\n| --- | --- |\n");
        metrics.forEach((path, stats) -> md.append("| `").append(path).append("` | ").append(cell(stats))
                .append(" |\n"));
        return md.toString();
    }

    /** The system the runs measured (run files from before the {@code target} field: taskq); "a, b" if mixed. */
    private static String target(List<JsonNode> runs) {
        return runs.stream().map(r -> r.path("target").asText("taskq")).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String cell(Object stats) {
        Map<?, ?> s = (Map<?, ?>) stats;
        return s.get("min").equals(s.get("max")) ? format(s.get("median"))
                : format(s.get("median")) + " (" + format(s.get("min")) + "–" + format(s.get("max")) + ")";
    }

    private static String format(Object number) {
        double d = ((Number) number).doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

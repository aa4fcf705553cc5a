package dev.taskq.bench.report;

import dev.taskq.bench.instance.ProcessSampler.Sample;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of one phase, computed from its {@link PhaseLog} and the system's /proc samples. Numbers the system
 * does not give are left out, not set to 0: those from the task records' server times ({@code completed_per_s_server},
 * {@code latency_server_ms}) if a status answer had none, the histogram if its /metrics text has no
 * {@code taskq_task_latency_ms}.
 */
final class PhaseResult {
    private static final Pattern HISTOGRAM_QUANTILE =
            Pattern.compile("^taskq_task_latency_ms\\{[^}]*quantile=\"([0-9.]+)\"[^}]*}\\s+([0-9.eE+-]+)\\s*$");

    private PhaseResult() {
    }

    /**
     * The phase's results as a JSON-ready map (names in snake case, times in ms, rates per second).
     *
     * @param samples   the system under test's /proc samples
     * @param alongside other processes' samples by name, each reported as {@code <name>_cpu_s_per_1000_tasks}:
     *                  the load generator (Gatling's JVM), RabbitMQ and Redis
     */
    static Map<String, Object> of(PhaseLog phase, List<Sample> samples, Map<String, List<Sample>> alongside) {
        List<TaskTiming> tasks = phase.tasks();
        List<TaskTiming> accepted = tasks.stream().filter(TaskTiming::isAccepted).toList();
        List<TaskTiming> settled = accepted.stream().filter(TaskTiming::isSettled).toList();
        long firstSubmit = tasks.stream().mapToLong(t -> t.submitNanos).min().orElse(0);
        long lastAccepted = accepted.stream().mapToLong(t -> t.acceptedNanos).max().orElse(firstSubmit);
        long lastSettled = settled.stream().mapToLong(t -> t.settledNanos).max().orElse(firstSubmit);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks_submitted", tasks.size());
        result.put("tasks_accepted", accepted.size());
        result.put("tasks_done", settled.size());
        result.put("tasks_not_success", settled.stream().filter(t -> !"SUCCESS".equals(t.state)).count());
        result.put("lost", accepted.size() - settled.size());
        result.put("errors", phase.httpErrors());
        result.put("duration_s", round((lastSettled - firstSubmit) / 1e9));
        result.put("submit_per_s", perSecond(accepted.size(), (lastAccepted - firstSubmit) / 1e9));
        result.put("completed_per_s", perSecond(settled.size(), (lastSettled - firstSubmit) / 1e9));
        boolean serverTimes = settled.stream().allMatch(TaskTiming::hasServerTimes);
        if (serverTimes) {
            result.put("completed_per_s_server", perSecond(settled.size(), serverSpanSeconds(settled)));
        }
        result.put("submit_response_ms", percentiles(accepted, t -> (t.acceptedNanos - t.submitNanos) / 1e6));
        result.put("latency_client_ms", percentiles(settled, t -> (t.settledNanos - t.submitNanos) / 1e6));
        if (serverTimes) {
            result.put("latency_server_ms", percentiles(settled,
                    t -> Duration.between(t.serverSubmittedAt, t.serverFinishedAt).toNanos() / 1e6));
        }
        histogram(phase.metricsAfter()).ifPresent(histogram -> result.put("latency_histogram_ms", histogram));
        result.put("cpu_s_per_1000_tasks", cpuPer1000(samples, firstSubmit, lastSettled, settled.size()));
        new TreeMap<>(alongside).forEach((name, theirs) -> {
            if (!theirs.isEmpty()) { // e.g. RabbitMQ and Redis on another host: nothing to say
                result.put(name + "_cpu_s_per_1000_tasks", cpuPer1000(theirs, firstSubmit, lastSettled,
                        settled.size()));
            }
        });
        result.put("rss_max_mib", round(samples.stream()
                .filter(s -> s.nanos() >= firstSubmit && s.nanos() <= lastSettled)
                .mapToDouble(Sample::rssMiB).max().orElse(0)));
        return result;
    }

    /** Seconds from the first server-side submission to the last server-side finish. */
    private static double serverSpanSeconds(List<TaskTiming> settled) {
        return settled.isEmpty() ? 0 : Duration.between(
                settled.stream().map(t -> t.serverSubmittedAt).min(Comparable::compareTo).orElseThrow(),
                settled.stream().map(t -> t.serverFinishedAt).max(Comparable::compareTo).orElseThrow())
                .toNanos() / 1e9;
    }

    private static Map<String, Object> percentiles(List<TaskTiming> tasks, ToDoubleFunction<TaskTiming> value) {
        double[] sorted = tasks.stream().mapToDouble(value).sorted().toArray();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p50", percentile(sorted, 50));
        p.put("p95", percentile(sorted, 95));
        p.put("p99", percentile(sorted, 99));
        p.put("max", sorted.length == 0 ? 0 : round(sorted[sorted.length - 1]));
        return p;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return round(sorted[Math.max(0, rank - 1)]);
    }

    /**
     * The instance's own {@code taskq_task_latency_ms} histogram (submitted_at → finished_at, per task kind) as
     * /metrics showed it right after the phase: the worst kind's p50, p95 and p99; empty if the text has none.
     */
    private static Optional<Map<String, Object>> histogram(String prometheusText) {
        Map<String, Double> worst = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher m = HISTOGRAM_QUANTILE.matcher(line);
            if (m.matches()) {
                worst.merge(m.group(1), Double.parseDouble(m.group(2)), Math::max);
            }
        }
        if (worst.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p50", round(worst.getOrDefault("0.5", 0.0)));
        p.put("p95", round(worst.getOrDefault("0.95", 0.0)));
        p.put("p99", round(worst.getOrDefault("0.99", 0.0)));
        return Optional.of(p);
    }

    private static double cpuPer1000(List<Sample> samples, long from, long to, int tasks) {
        double cpuSeconds = atOrAfter(samples, to).cpuSeconds() - atOrBefore(samples, from).cpuSeconds();
        return tasks == 0 ? 0 : round(cpuSeconds * 1000 / tasks);
    }

    /** The last sample taken at or before {@code nanos} (or the first one). */
    private static Sample atOrBefore(List<Sample> samples, long nanos) {
        return samples.stream().filter(s -> s.nanos() <= nanos).reduce((a, b) -> b)
                .orElse(samples.isEmpty() ? new Sample(nanos, 0, 0) : samples.get(0));
    }

    /** The first sample taken at or after {@code nanos} (or the last one). */
    private static Sample atOrAfter(List<Sample> samples, long nanos) {
        return samples.stream().filter(s -> s.nanos() >= nanos).findFirst()
                .orElse(samples.isEmpty() ? new Sample(nanos, 0, 0) : samples.get(samples.size() - 1));
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : round(count / seconds);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package dev.taskq.application;

import dev.taskq.application.TaskStatistics.MinuteSample;
import java.time.Instant;
import java.util.List;

/**
 * Tasks finished per minute and the end-to-end latency percentiles of each minute, for the dashboard's charts.
 *
 * @param minutes one point per minute, oldest first
 */
public record Throughput(List<Point> minutes) {

    static Throughput of(List<MinuteSample> samples) {
        return new Throughput(samples.stream().map(Point::of).toList());
    }

    /**
     * One minute.
     *
     * @param minute    its start
     * @param succeeded tasks that ended SUCCESS
     * @param failed    tasks that ended FAILURE
     * @param p50Ms     median latency in ms (null when nothing finished)
     * @param p95Ms     95th percentile
     * @param p99Ms     99th percentile
     */
    public record Point(Instant minute, long succeeded, long failed, Long p50Ms, Long p95Ms, Long p99Ms) {

        static Point of(MinuteSample sample) {
            long[] sorted = sample.latencyMs().stream().mapToLong(Long::longValue).sorted().toArray();
            return new Point(sample.minute(), sample.succeeded(), sample.failed(), percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99));
        }
    }

    /** The nearest-rank percentile of sorted values; null when there are none. */
    static Long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}

package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.TaskStatistics.MinuteSample;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void eachMinuteShowsItsCountsAndNearestRankPercentiles() {
        Instant minute = Instant.parse("2026-01-01T10:00:00Z");
        List<Long> latencies = LongStream.rangeClosed(1, 100).boxed().toList();

        Throughput throughput = Throughput.of(List.of(new MinuteSample(minute, 90, 10, latencies),
                new MinuteSample(minute.plusSeconds(60), 0, 0, List.of())));

        assertThat(throughput.minutes().get(0)).isEqualTo(new Throughput.Point(minute, 90, 10, 50L, 95L, 99L));
        assertThat(throughput.minutes().get(1)).as("nothing finished")
                .isEqualTo(new Throughput.Point(minute.plusSeconds(60), 0, 0, null, null, null));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        assertThat(Throughput.percentile(new long[] {42}, 50)).isEqualTo(42);
        assertThat(Throughput.percentile(new long[] {42}, 99)).isEqualTo(42);
        assertThat(Throughput.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
    }
}

package dev.taskq.ra.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromInitialUpToMax() {
        Backoff backoff = new Backoff(1000, 30000);
        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(backoff.delayMs(attempt));
        }
        assertThat(delays).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void unavailableEndpointBackoffIs50msGrowingTo1s() {
        Backoff backoff = QueueConsumer.UNAVAILABLE_BACKOFF;
        assertThat(backoff.delayMs(1)).isEqualTo(50);
        assertThat(backoff.delayMs(2)).isEqualTo(100);
        assertThat(backoff.delayMs(5)).isEqualTo(800);
        assertThat(backoff.delayMs(6)).isEqualTo(1000);
        assertThat(backoff.delayMs(1000)).isEqualTo(1000);
    }

    @Test
    void attemptBelowOneCountsAsFirstAndHugeAttemptsDoNotOverflow() {
        Backoff backoff = new Backoff(3, Long.MAX_VALUE / 2);
        assertThat(backoff.delayMs(0)).isEqualTo(3);
        assertThat(backoff.delayMs(-5)).isEqualTo(3);
        assertThat(backoff.delayMs(62)).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(backoff.delayMs(Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 2);
        for (int attempt = 1; attempt < 100; attempt++) {
            assertThat(backoff.delayMs(attempt)).isPositive().isLessThanOrEqualTo(Long.MAX_VALUE / 2);
        }
    }

    @Test
    void equalInitialAndMaxIsConstant() {
        Backoff backoff = new Backoff(500, 500);
        assertThat(backoff.delayMs(1)).isEqualTo(500);
        assertThat(backoff.delayMs(10)).isEqualTo(500);
    }

    @Test
    void rejectsInvalidBounds() {
        assertThatThrownBy(() -> new Backoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(100, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}

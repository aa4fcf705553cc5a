package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreOutageBackoffTest {

    @Test
    void pausesGrowFromATenthOfASecondToFiveSecondsAsFailuresRepeat() {
        assertThat(StoreOutageBackoff.pauseMs(1)).isEqualTo(100);
        assertThat(StoreOutageBackoff.pauseMs(2)).isEqualTo(200);
        assertThat(StoreOutageBackoff.pauseMs(4)).isEqualTo(800);
        assertThat(StoreOutageBackoff.pauseMs(6)).isEqualTo(3_200);
        assertThat(StoreOutageBackoff.pauseMs(7)).isEqualTo(5_000);
        assertThat(StoreOutageBackoff.pauseMs(1_000)).isEqualTo(5_000);
    }
}

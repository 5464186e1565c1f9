package dev.camelsixtyfour.component.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitScheduleTest {

    private final AwaitSchedule schedule = new AwaitSchedule(Duration.ofSeconds(2), Duration.ofSeconds(5), 2.0,
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void firstPollWaitsTheInitialDelay() {
        assertThat(schedule.nextDelay(0, Duration.ZERO)).contains(Duration.ofSeconds(2));
    }

    @Test
    void intervalsGrowByTheMultiplierUpToTheMaximum() {
        assertThat(schedule.nextDelay(1, Duration.ofSeconds(2))).contains(Duration.ofSeconds(5));
        assertThat(schedule.nextDelay(2, Duration.ofSeconds(7))).contains(Duration.ofSeconds(10));
        assertThat(schedule.nextDelay(3, Duration.ofSeconds(17))).contains(Duration.ofSeconds(20));
        assertThat(schedule.nextDelay(4, Duration.ofSeconds(37))).contains(Duration.ofSeconds(30));
        assertThat(schedule.nextDelay(40, Duration.ofSeconds(90))).contains(Duration.ofSeconds(30));
    }

    @Test
    void lastPollIsMovedForwardToTheDeadline() {
        assertThat(schedule.nextDelay(9, Duration.ofSeconds(590))).contains(Duration.ofSeconds(10));
    }

    @Test
    void noPollRemainsOnceTheTimeoutIsReached() {
        assertThat(schedule.nextDelay(12, Duration.ofMinutes(10))).isEmpty();
        assertThat(schedule.nextDelay(12, Duration.ofMinutes(11))).isEmpty();
    }

    @Test
    void multiplierOfOneKeepsAFixedInterval() {
        AwaitSchedule fixed = new AwaitSchedule(Duration.ZERO, Duration.ofSeconds(5), 1.0, Duration.ofSeconds(5),
                Duration.ofMinutes(1));

        assertThat(fixed.nextDelay(7, Duration.ofSeconds(30))).contains(Duration.ofSeconds(5));
    }

    @Test
    void rejectsAMaximumShorterThanTheInterval() {
        assertThatThrownBy(() -> new AwaitSchedule(Duration.ZERO, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5),
                Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInterval");
    }

    @Test
    void rejectsAShrinkingMultiplier() {
        assertThatThrownBy(() -> new AwaitSchedule(Duration.ZERO, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5),
                Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoffMultiplier");
    }
}

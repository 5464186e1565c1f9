package dev.camelsixtyfour.component.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void aFullMinuteBudgetGoesAtOnce() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(5, clock::get);

        List<Duration> waits = reserve(limiter, 5);

        assertThat(waits).containsOnly(Duration.ZERO);
    }

    @Test
    void theRequestBeyondTheBudgetWaitsUntilTheFirstLeavesTheWindow() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(5, clock::get);
        reserve(limiter, 5);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));

        Duration wait = limiter.reserve();

        assertThat(wait).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void noSixtySecondWindowHoldsMoreThanTheBudget() {
        RequestRateLimiter limiter = RequestRateLimiter.perMinute(7, clock::get);
        List<Long> sendTimes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
            sendTimes.add(clock.get() + limiter.reserve().toNanos());
        }

        for (int i = 7; i < sendTimes.size(); i++) {
            assertThat(sendTimes.get(i) - sendTimes.get(i - 7)).isGreaterThanOrEqualTo(MINUTE);
        }
    }

    @Test
    void unlimitedNeverWaits() {
        RequestRateLimiter limiter = RequestRateLimiter.unlimited();

        assertThat(reserve(limiter, 1_000)).containsOnly(Duration.ZERO);
        assertThat(limiter.isLimited()).isFalse();
    }

    private static List<Duration> reserve(RequestRateLimiter limiter, int count) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(limiter.reserve());
        }
        return waits;
    }
}

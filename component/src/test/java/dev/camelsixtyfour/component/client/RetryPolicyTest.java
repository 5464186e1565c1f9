package dev.camelsixtyfour.component.client;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1_000),
            Duration.ofSeconds(30));

    @ParameterizedTest(name = "after {0} failed attempts the backoff lies within {1}..{2} ms")
    @CsvSource({ "1, 50, 100", "2, 100, 200", "3, 200, 400", "4, 400, 800", "5, 500, 1000", "30, 500, 1000" })
    void backoffDoublesWithJitterUpToTheCap(int failedAttempts, long lowest, long highest) {
        for (int sample = 0; sample < 200; sample++) {
            assertThat(policy.backoff(failedAttempts).toMillis()).isBetween(lowest, highest);
        }
    }

    @Test
    void retriesStopAfterMaxRetries() {
        assertThat(policy.canRetry(3)).isTrue();
        assertThat(policy.canRetry(4)).isFalse();
    }

    @Test
    void zeroMaxRetriesNeverRetries() {
        RetryPolicy none = new RetryPolicy(0, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(none.canRetry(1)).isFalse();
    }

    @Test
    void adviceBeyondTheCeilingIsRecognised() {
        assertThat(policy.exceedsCeiling(Duration.ofSeconds(30))).isFalse();
        assertThat(policy.exceedsCeiling(Duration.ofSeconds(31))).isTrue();
    }
}

package dev.camelsixtyfour.component.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before retrying a request that got a 429, a 5xx or no answer.
 *
 * @param maxRetries    retries after the first attempt; 0 turns retries off
 * @param initialDelay  the backoff before the first retry
 * @param maxDelay      the cap on any backoff
 * @param maxRetryAfter the longest Retry-After advice worth waiting for
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    public boolean canRetry(int failedAttempts) {
        return failedAttempts <= maxRetries;
    }

    /**
     * The backoff after the given number of failed attempts: exponential, capped, with "equal jitter" (between half
     * and all of the capped value) so that many clients failing together do not retry together.
     */
    public Duration backoff(int failedAttempts) {
        long initial = Math.max(1, initialDelay.toMillis());
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capped = Math.min(maxDelay.toMillis(), initial << doublings);
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    public boolean exceedsCeiling(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0;
    }
}

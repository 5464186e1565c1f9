package dev.camelsixtyfour.component.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A client-side budget of requests a minute, shared by every endpoint of a component. It never blocks: a caller
 * reserves the next free slot and is told how long to wait for it, then schedules its request that much later.
 * <p>
 * It keeps the times of the last {@code limit} reservations, so that no 60-second window ever holds more than
 * {@code limit} requests, whichever way the service counts its window; a burst of the whole budget may go at once.
 */
public final class RequestRateLimiter {

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final long[] recentSlots;
    private final LongSupplier clock;
    private int oldest;

    private RequestRateLimiter(int perMinute, LongSupplier clock) {
        this.clock = clock;
        this.recentSlots = new long[Math.max(perMinute, 0)];
        long longAgo = clock.getAsLong() - MINUTE_NANOS;
        Arrays.fill(recentSlots, longAgo);
    }

    public static RequestRateLimiter perMinute(int requestsPerMinute) {
        return new RequestRateLimiter(requestsPerMinute, System::nanoTime);
    }

    /** A limiter with its own clock, for tests of the arithmetic. */
    static RequestRateLimiter perMinute(int requestsPerMinute, LongSupplier clock) {
        return new RequestRateLimiter(requestsPerMinute, clock);
    }

    public static RequestRateLimiter unlimited() {
        return new RequestRateLimiter(0, System::nanoTime);
    }

    public boolean isLimited() {
        return recentSlots.length > 0;
    }

    /** Takes the next free slot and answers how long the caller must wait for it (zero when it is free now). */
    public Duration reserve() {
        // Checked outside the lock: without a limit, concurrent requests have nothing to agree on.
        return isLimited() ? reserveSlot() : Duration.ZERO;
    }

    private synchronized Duration reserveSlot() {
        long now = clock.getAsLong();
        long slot = Math.max(now, recentSlots[oldest] + MINUTE_NANOS);
        recentSlots[oldest] = slot;
        oldest = (oldest + 1) % recentSlots.length;
        return Duration.ofNanos(slot - now);
    }
}

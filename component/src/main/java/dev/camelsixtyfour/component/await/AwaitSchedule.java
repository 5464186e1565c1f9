package dev.camelsixtyfour.component.await;

import java.time.Duration;
import java.util.Optional;

/**
 * When to poll a run's live status while waiting for it to finish: a first poll after {@code initialDelay}, then
 * intervals that start at {@code pollInterval} and grow by {@code backoffMultiplier} up to {@code maxInterval}, all
 * within {@code timeout} counted from the start of the wait. The last poll is moved forward to the deadline so the
 * wait never ends without a look at the status at the deadline.
 */
public record AwaitSchedule(Duration initialDelay, Duration pollInterval, double backoffMultiplier,
        Duration maxInterval, Duration timeout) {

    public AwaitSchedule {
        requireNotNegative("initialDelay", initialDelay);
        requirePositive("pollInterval", pollInterval);
        requirePositive("maxInterval", maxInterval);
        requirePositive("timeout", timeout);
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1.0, was " + backoffMultiplier);
        }
        if (maxInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException(
                    "maxInterval (" + maxInterval + ") must not be shorter than pollInterval (" + pollInterval + ")");
        }
    }

    /**
     * The delay before poll number {@code pollsDone + 1}, or empty when the timeout has been reached and no poll
     * remains.
     *
     * @param pollsDone polls already made in this wait
     * @param elapsed   time since the wait started
     */
    public Optional<Duration> nextDelay(int pollsDone, Duration elapsed) {
        Duration remaining = timeout.minus(elapsed);
        if (remaining.isNegative() || remaining.isZero()) {
            return Optional.empty();
        }
        Duration planned = pollsDone == 0 ? initialDelay : intervalAfter(pollsDone);
        return Optional.of(planned.compareTo(remaining) < 0 ? planned : remaining);
    }

    /**
     * The interval after poll number {@code pollsDone}: pollInterval × multiplier^(pollsDone − 1), capped.
     */
    Duration intervalAfter(int pollsDone) {
        double millis = pollInterval.toMillis() * Math.pow(backoffMultiplier, pollsDone - 1);
        if (millis >= maxInterval.toMillis()) {
            return maxInterval;
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

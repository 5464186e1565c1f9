package dev.camelsixtyfour.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Failures a test switches on, matched against the request path by prefix of whole segments: {@code
 * "/workflows/run"} matches the trigger endpoint but not {@code /workflows/runs}; {@code "/"} matches every path.
 * <p>
 * Checked in this order for each request: latency, dropped connection, rate limit, injected status, body limit;
 * a dropped response comes last, after the request was handled.
 * {@link #clear()} (and {@link SixtyfourEmulator#reset()}) switches everything off and restores the default body
 * limit. All methods are thread-safe and return this object for chaining.
 */
public final class Faults {

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final Object lock = new Object();
    private final List<CountedRule> dropRules = new ArrayList<>();
    private final List<CountedRule> dropResponseRules = new ArrayList<>();
    private final List<CountedRule> failRules = new ArrayList<>();
    private final List<FractionRule> fractionRules = new ArrayList<>();
    private final Map<String, Deque<Long>> rateWindows = new HashMap<>();
    private RateLimit rateLimit;
    private Duration latency = Duration.ZERO;
    private long bodyLimit = EmulatorDefaults.DEFAULT_BODY_LIMIT_BYTES;

    Faults() {
    }

    /**
     * Answers 429 with {@code Retry-After: retryAfterSeconds} once an API key (or a caller without one) has sent
     * {@code requestsPerMinute} requests within the last minute.
     */
    public Faults rateLimit(int requestsPerMinute, int retryAfterSeconds) {
        requirePositive(requestsPerMinute, "requestsPerMinute");
        requirePositive(retryAfterSeconds, "retryAfterSeconds");
        synchronized (lock) {
            rateLimit = new RateLimit(requestsPerMinute, retryAfterSeconds);
            rateWindows.clear();
        }
        return this;
    }

    /** Answers the next {@code times} requests under {@code pathPrefix} with {@code status} and a detail body. */
    public Faults failNext(String pathPrefix, int status, int times) {
        return failNext(pathPrefix, status, times, ErrorForm.DETAIL);
    }

    /** As {@link #failNext(String, int, int)}, with the error body in the given form. */
    public Faults failNext(String pathPrefix, int status, int times, ErrorForm form) {
        requireStatus(status);
        requirePositive(times, "times");
        Objects.requireNonNull(form, "form");
        synchronized (lock) {
            failRules.add(new CountedRule(requirePrefix(pathPrefix), status, times, form));
        }
        return this;
    }

    /**
     * Answers {@code fraction} of the requests under {@code pathPrefix} with {@code status}, deterministically: of
     * every run of consecutive matching requests, request n fails when {@code floor(n * fraction)} grows.
     */
    public Faults failFraction(String pathPrefix, int status, double fraction) {
        requireStatus(status);
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be within 0..1, was " + fraction);
        }
        synchronized (lock) {
            fractionRules.add(new FractionRule(requirePrefix(pathPrefix), status, fraction));
        }
        return this;
    }

    /** Delays every request by {@code delay} before it is answered. */
    public Faults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + delay);
        }
        synchronized (lock) {
            latency = delay;
        }
        return this;
    }

    /** Closes the connection of the next {@code times} requests under {@code pathPrefix} without any response. */
    public Faults dropNext(String pathPrefix, int times) {
        requirePositive(times, "times");
        synchronized (lock) {
            dropRules.add(new CountedRule(requirePrefix(pathPrefix), 0, times, ErrorForm.DETAIL));
        }
        return this;
    }

    /**
     * Handles the next {@code times} requests under {@code pathPrefix} in full (a run is started) but closes the
     * connection instead of answering: the lost response that {@code Idempotency-Key} exists for.
     */
    public Faults dropResponseNext(String pathPrefix, int times) {
        requirePositive(times, "times");
        synchronized (lock) {
            dropResponseRules.add(new CountedRule(requirePrefix(pathPrefix), 0, times, ErrorForm.DETAIL));
        }
        return this;
    }

    /** Answers 413 to request bodies larger than {@code bytes} (default 10 MiB). */
    public Faults bodyLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bodyLimit must not be negative, was " + bytes);
        }
        synchronized (lock) {
            bodyLimit = bytes;
        }
        return this;
    }

    /** Switches every fault off and restores the default body limit. */
    public Faults clear() {
        synchronized (lock) {
            dropRules.clear();
            dropResponseRules.clear();
            failRules.clear();
            fractionRules.clear();
            rateWindows.clear();
            rateLimit = null;
            latency = Duration.ZERO;
            bodyLimit = EmulatorDefaults.DEFAULT_BODY_LIMIT_BYTES;
        }
        return this;
    }

    Duration latency() {
        synchronized (lock) {
            return latency;
        }
    }

    long bodyLimit() {
        synchronized (lock) {
            return bodyLimit;
        }
    }

    boolean shouldDrop(String path) {
        synchronized (lock) {
            return consume(dropRules, path) != null;
        }
    }

    boolean shouldDropResponse(String path) {
        synchronized (lock) {
            return consume(dropResponseRules, path) != null;
        }
    }

    /** The fault answer for this request, or {@code null} to let it through. */
    ApiException failureFor(String path, String callerId) {
        synchronized (lock) {
            ApiException limited = rateLimited(callerId);
            if (limited != null) {
                return limited;
            }
            CountedRule counted = consume(failRules, path);
            if (counted != null) {
                return injected(counted.status, counted.form);
            }
            for (FractionRule rule : fractionRules) {
                if (PathPrefix.matches(rule.prefix, path) && rule.nextFails()) {
                    return injected(rule.status, ErrorForm.DETAIL);
                }
            }
            return null;
        }
    }

    private ApiException rateLimited(String callerId) {
        if (rateLimit == null) {
            return null;
        }

        long now = System.nanoTime();
        Deque<Long> window = rateWindows.computeIfAbsent(callerId, id -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.removeFirst();
        }
        if (window.size() >= rateLimit.requestsPerMinute) {
            return ApiException.detail(429, "Rate limit exceeded: " + rateLimit.requestsPerMinute
                    + " requests per minute", Map.of("Retry-After", String.valueOf(rateLimit.retryAfterSeconds)));
        }
        window.addLast(now);
        return null;
    }

    private static ApiException injected(int status, ErrorForm form) {
        String message = "Injected fault: HTTP " + status;
        Map<String, String> headers = status == 429 ? Map.of("Retry-After", "1") : Map.of();
        return ApiException.inForm(form, status, message, headers);
    }

    private static CountedRule consume(List<CountedRule> rules, String path) {
        for (Iterator<CountedRule> it = rules.iterator(); it.hasNext();) {
            CountedRule rule = it.next();
            if (PathPrefix.matches(rule.prefix, path)) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    it.remove();
                }
                return rule;
            }
        }
        return null;
    }

    private static String requirePrefix(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("pathPrefix must start with '/', was '" + pathPrefix + "'");
        }
        return pathPrefix;
    }

    private static void requireStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private record RateLimit(int requestsPerMinute, int retryAfterSeconds) {
    }

    private static final class CountedRule {
        private final String prefix;
        private final int status;
        private final ErrorForm form;
        private int remaining;

        CountedRule(String prefix, int status, int remaining, ErrorForm form) {
            this.prefix = prefix;
            this.status = status;
            this.remaining = remaining;
            this.form = form;
        }
    }

    private static final class FractionRule {
        private final String prefix;
        private final int status;
        private final double fraction;
        private long seen;

        FractionRule(String prefix, int status, double fraction) {
            this.prefix = prefix;
            this.status = status;
            this.fraction = fraction;
        }

        boolean nextFails() {
            seen++;
            return Math.floor(seen * fraction) > Math.floor((seen - 1) * fraction);
        }
    }
}

package dev.camelsixtyfour.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} values seen on {@code /workflows/run}, scoped to the API key and kept for
 * {@link EmulatorDefaults#IDEMPOTENCY_KEY_RETENTION}. Concurrent requests with one key start exactly one run.
 */
final class IdempotencyKeys {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** The job id first started under this key, or {@code null} when the key is new or expired. */
    String find(String apiKey, String idempotencyKey) {
        Entry entry = entries.get(scope(apiKey, idempotencyKey));
        return entry == null || expired(entry) ? null : entry.jobId;
    }

    /**
     * Starts a run under the key unless one already exists.
     *
     * @return the job id and whether it was started by this call
     */
    Claim claim(String apiKey, String idempotencyKey, Supplier<String> start) {
        boolean[] started = {false};
        Entry entry = entries.compute(scope(apiKey, idempotencyKey), (scope, existing) -> {
            if (existing != null && !expired(existing)) {
                return existing;
            }
            started[0] = true;
            return new Entry(start.get(), clock.instant());
        });
        return new Claim(entry.jobId, started[0]);
    }

    void clear() {
        entries.clear();
    }

    private boolean expired(Entry entry) {
        return clock.instant().isAfter(entry.storedAt.plus(retention));
    }

    private static String scope(String apiKey, String idempotencyKey) {
        return apiKey + "\n" + idempotencyKey;
    }

    record Claim(String jobId, boolean started) {
    }

    private record Entry(String jobId, Instant storedAt) {
    }
}

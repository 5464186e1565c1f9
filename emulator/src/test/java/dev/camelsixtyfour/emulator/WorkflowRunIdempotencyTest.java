package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowRunIdempotencyTest {

    private static final String RUN_PATH = "/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID;
    private static final Map<String, Object> BODY = Map.of("webhook_payload",
            Map.of("symbol", "AAPL", "name", "Apple Inc."));

    private final MutableClock clock = new MutableClock();

    private SixtyfourEmulator start() {
        return SixtyfourEmulator.builder().clock(clock).runStepDuration(Duration.ofMillis(50))
                .apiKey("key-a", "org-a").apiKey("key-b", "org-a").build().start();
    }

    @Test
    void repeatedKeyReturnsFirstRun() {
        try (SixtyfourEmulator emulator = start()) {
            ApiClient client = new ApiClient(emulator.baseUri(), "key-a").withHeader("Idempotency-Key", "order-1");

            JsonNode first = client.post(RUN_PATH, BODY).json();
            JsonNode second = client.post(RUN_PATH, BODY).json();

            assertThat(second.get("job_id").asText()).isEqualTo(first.get("job_id").asText());
            assertThat(second.get("already_started").asBoolean()).isTrue();
            assertThat(first.get("already_started").isNull()).isTrue();
            assertThat(emulator.runs()).hasSize(1);
        }
    }

    @Test
    void repeatedKeyWithDifferentBodyStillReturnsFirstRun() {
        try (SixtyfourEmulator emulator = start()) {
            ApiClient client = new ApiClient(emulator.baseUri(), "key-a").withHeader("Idempotency-Key", "order-2");
            String first = client.post(RUN_PATH, BODY).json().get("job_id").asText();

            ApiClient.Response second = client.post(RUN_PATH, "{not json");

            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().get("job_id").asText()).isEqualTo(first);
        }
    }

    @Test
    void keyIsScopedToApiKey() {
        try (SixtyfourEmulator emulator = start()) {
            String first = new ApiClient(emulator.baseUri(), "key-a").withHeader("Idempotency-Key", "shared")
                    .post(RUN_PATH, BODY).json().get("job_id").asText();
            String second = new ApiClient(emulator.baseUri(), "key-b").withHeader("Idempotency-Key", "shared")
                    .post(RUN_PATH, BODY).json().get("job_id").asText();

            assertThat(second).isNotEqualTo(first);
            assertThat(emulator.runs()).hasSize(2);
        }
    }

    @Test
    void keyExpiresAfterTwentyFourHours() {
        try (SixtyfourEmulator emulator = start()) {
            ApiClient client = new ApiClient(emulator.baseUri(), "key-a").withHeader("Idempotency-Key", "daily");
            String first = client.post(RUN_PATH, BODY).json().get("job_id").asText();

            clock.advance(Duration.ofHours(23));
            String withinDay = client.post(RUN_PATH, BODY).json().get("job_id").asText();
            clock.advance(Duration.ofHours(2));
            String nextDay = client.post(RUN_PATH, BODY).json().get("job_id").asText();

            assertThat(withinDay).isEqualTo(first);
            assertThat(nextDay).isNotEqualTo(first);
        }
    }

    @Test
    void concurrentRequestsWithOneKeyStartOneRun() throws Exception {
        try (SixtyfourEmulator emulator = start()) {
            ApiClient client = new ApiClient(emulator.baseUri(), "key-a").withHeader("Idempotency-Key", "burst");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> client.post(RUN_PATH, BODY).json().get("job_id").asText()));
            }

            Set<String> jobIds = new HashSet<>();
            for (Future<String> answer : answers) {
                jobIds.add(answer.get());
            }
            pool.shutdown();

            assertThat(jobIds).hasSize(1);
            assertThat(emulator.runs()).hasSize(1);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-06-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

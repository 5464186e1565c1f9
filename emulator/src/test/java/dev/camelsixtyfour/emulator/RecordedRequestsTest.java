package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedRequestsTest {

    private static final String SECRET_KEY = "sk_live_recorded_9c1f33a7";
    private static final String WRONG_KEY = "sk_live_wrong_4410bb";

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.apiKey(SECRET_KEY, "org-recorded").runStepDuration(Duration.ofMillis(10)));

    @Test
    void requestIsRecordedAsReceived() {
        String body = "{\"webhook_payload\": {\"symbol\": \"AAPL\", \"name\": \"Apple Inc.\"}}";
        new ApiClient(EMULATOR.emulator().baseUri(), SECRET_KEY).withHeader("Idempotency-Key", "rec-1")
                .post("/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID + "&save_json=true", body);

        RecordedRequest request = EMULATOR.emulator().requests("/workflows/run").get(0);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/workflows/run");
        assertThat(request.query())
                .isEqualTo("workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID + "&save_json=true");
        assertThat(request.queryParameters()).containsEntry("save_json", List.of("true"));
        assertThat(request.header("X-API-KEY")).isEqualTo(SECRET_KEY);
        assertThat(request.header("idempotency-key")).isEqualTo("rec-1");
        assertThat(request.bodyAsString()).isEqualTo(body);
        assertThat(request.toString()).doesNotContain(SECRET_KEY);
    }

    @Test
    void requestsFilterByPathPrefix() {
        ApiClient client = new ApiClient(EMULATOR.emulator().baseUri(), SECRET_KEY);
        client.get("/workflows");
        client.get("/workflows/runs");

        assertThat(EMULATOR.emulator().requests("/workflows/runs")).hasSize(1);
        assertThat(EMULATOR.emulator().requests()).hasSize(2);
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodNotAllowed() {
        ApiClient client = new ApiClient(EMULATOR.emulator().baseUri(), SECRET_KEY);

        assertThat(client.get("/no/such/path").status()).isEqualTo(404);
        assertThat(client.send(client.request("/workflows/runs").DELETE()).status()).isEqualTo(405);
    }

    @Test
    void apiKeysNeverReachTheLog() throws IOException {
        ApiClient client = new ApiClient(EMULATOR.emulator().baseUri(), SECRET_KEY);
        client.post("/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID,
                Map.of("webhook_payload", Map.of("symbol", "AAPL", "name", "Apple Inc.")));
        client.withHeader("x-api-key", WRONG_KEY).get("/workflows/runs");
        client.withHeader("Authorization", "Bearer " + SECRET_KEY).get("/workflows");
        EMULATOR.emulator().faults().rateLimit(1, 1);
        client.get("/workflows");
        client.get("/workflows");

        Path log = Path.of(System.getProperty("emulator.test.log"));

        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("Run ").contains(ApiKeys.fingerprint(SECRET_KEY))
                .doesNotContain(SECRET_KEY).doesNotContain(WRONG_KEY).doesNotContain(EmulatorDefaults.DEFAULT_API_KEY);
    }
}

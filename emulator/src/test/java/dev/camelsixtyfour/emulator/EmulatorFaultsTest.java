package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorFaultsTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(20)));

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    private int triggerRun() {
        return client().post("/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID,
                Map.of("webhook_payload", Map.of("symbol", "AAPL", "name", "Apple Inc."))).status();
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        EMULATOR.emulator().faults().rateLimit(3, 7);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client().get("/workflows").status());
        }

        ApiClient.Response limited = client().get("/workflows");

        assertThat(statuses).containsOnly(200);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(limited.detail()).contains("Rate limit");
    }

    @Test
    void rateLimitCountsEachApiKeySeparately() {
        EMULATOR.emulator().faults().rateLimit(1, 5);
        client().get("/workflows");

        ApiClient other = new ApiClient(EMULATOR.emulator().baseUri(), EmulatorDefaults.OTHER_ORG_API_KEY);

        assertThat(other.get("/workflows").status()).isEqualTo(200);
        assertThat(client().get("/workflows").status()).isEqualTo(429);
    }

    @Test
    void failNextAnswersChosenStatusForNextCallsOnly() {
        EMULATOR.emulator().faults().failNext("/workflows/run", 503, 2);

        ApiClient.Response first = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of());
        int second = triggerRun();
        int third = triggerRun();

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.detail()).contains("503");
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(200);
        assertThat(EMULATOR.emulator().runs()).hasSize(1);
    }

    @Test
    void failNextSpeaksEachErrorForm() {
        EMULATOR.emulator().faults().failNext("/workflows", 400, 1, ErrorForm.LEGACY)
                .failNext("/workflows", 422, 1, ErrorForm.VALIDATION_LIST)
                .failNext("/workflows", 502, 1, ErrorForm.DETAIL);

        JsonNode legacy = client().get("/workflows").json();
        JsonNode list = client().get("/workflows").json();
        JsonNode detail = client().get("/workflows").json();

        assertThat(legacy.get("error").asText()).isEqualTo("HTTP 400");
        assertThat(legacy.get("message").asText()).contains("400");
        assertThat(list.get("detail").get(0).get("msg").asText()).contains("422");
        assertThat(list.get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\"]");
        assertThat(detail.get("detail").asText()).contains("502");
    }

    @Test
    void failNextLeavesOtherPathsAlone() {
        EMULATOR.emulator().faults().failNext("/workflows/run", 500, 1);

        assertThat(client().get("/workflows/runs").status()).isEqualTo(200);
        assertThat(triggerRun()).isEqualTo(500);
    }

    @Test
    void failFractionFailsThatShareOfCalls() {
        EMULATOR.emulator().faults().failFraction("/workflows/run", 502, 0.25);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(triggerRun());
        }

        assertThat(statuses).filteredOn(status -> status == 502).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(30);
    }

    @Test
    void latencyDelaysAnswersBeyondClientTimeout() {
        EMULATOR.emulator().faults().latency(Duration.ofSeconds(3));
        ApiClient client = client();

        assertThatThrownBy(() -> client.send(client.request("/workflows").timeout(Duration.ofMillis(300)).GET()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void dropNextClosesConnectionWithoutResponse() {
        EMULATOR.emulator().faults().dropNext("/workflows/run", 1);

        assertThatThrownBy(this::triggerRun).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(triggerRun()).isEqualTo(200);
        assertThat(EMULATOR.emulator().requests("/workflows/run")).hasSize(2);
    }

    @Test
    void dropResponseNextStartsRunButSendsNothing() {
        EMULATOR.emulator().faults().dropResponseNext("/workflows/run", 1);
        ApiClient client = client().withHeader("Idempotency-Key", "lost-response-1");
        Map<String, Object> body = Map.of("webhook_payload", Map.of("symbol", "AAPL", "name", "Apple Inc."));
        String path = "/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID;

        assertThatThrownBy(() -> client.post(path, body)).isInstanceOf(UncheckedIOException.class);
        ApiClient.Response retry = client.post(path, body);

        assertThat(EMULATOR.emulator().runs()).hasSize(1);
        assertThat(retry.json().get("already_started").asBoolean()).isTrue();
        assertThat(retry.json().get("job_id").asText()).isEqualTo(EMULATOR.emulator().runs().get(0).jobId());
    }

    @Test
    void bodyLimitAnswers413() {
        EMULATOR.emulator().faults().bodyLimit(1_000);
        List<Map<String, Object>> rows = WorkflowRunLifecycleTest.companies(100);

        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", rows));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.detail()).contains("1000 bytes");
        assertThat(EMULATOR.emulator().runs()).isEmpty();
    }

    @Test
    void defaultBodyLimitIsTenMebibytes() {
        byte[] body = new byte[(int) EmulatorDefaults.DEFAULT_BODY_LIMIT_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        ApiClient.Response response = client().postBytes("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, body);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void clearSwitchesEveryFaultOff() {
        EMULATOR.emulator().faults().failNext("/", 500, 5).dropNext("/", 5).rateLimit(1, 1).bodyLimit(1)
                .latency(Duration.ofSeconds(5)).failFraction("/", 500, 1.0).dropResponseNext("/", 5);

        EMULATOR.emulator().faults().clear();

        assertThat(triggerRun()).isEqualTo(200);
        assertThat(triggerRun()).isEqualTo(200);
    }

    @Test
    void faultSwitchRejectsNonsense() {
        Faults faults = EMULATOR.emulator().faults();

        assertThatThrownBy(() -> faults.failNext("workflows", 500, 1)).hasMessageContaining("'workflows'");
        assertThatThrownBy(() -> faults.failFraction("/", 500, 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> faults.failNext("/", 42, 1)).hasMessageContaining("42");
    }
}

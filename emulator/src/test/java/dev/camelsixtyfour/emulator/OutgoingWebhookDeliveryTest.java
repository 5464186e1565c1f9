package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class OutgoingWebhookDeliveryTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String NEW_SECRET = "sk_whsec_" + UUID.randomUUID();

    private static SixtyfourEmulator start(String secret) {
        SixtyfourEmulator.Builder builder = SixtyfourEmulator.builder().runStepDuration(Duration.ofMillis(10))
                .webhookRetryBackoff(Duration.ofMillis(20));
        if (secret != null) {
            builder.signingSecret(secret);
        }
        return builder.build().start();
    }

    @Test
    void completedRunPushesSignedResults() throws Exception {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            String jobId = ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            WebhookReceiver.Received delivery = receiver.received().get(0);
            JsonNode body = ApiClient.MAPPER.readTree(delivery.body());
            assertThat(body.get("event_type").asText()).isEqualTo("outgoing_webhook.completed");
            assertThat(body.get("run_id").asText()).isEqualTo(jobId);
            assertThat(body.get("status").asText()).isEqualTo("completed");
            assertThat(body.get("row_count").asInt()).isEqualTo(1);
            assertThat(body.get("results").get(0).get("domain").asText()).isEqualTo("apple.com");
            assertThat(delivery.header("Sixtyfour-Event-Id")).isEqualTo(body.get("event_id").asText());
            assertThat(delivery.header("Sixtyfour-Event-Type")).isEqualTo("outgoing_webhook.completed");
            assertThat(delivery.header("Sixtyfour-Delivery-Attempt")).isEqualTo("1");
            assertSignedWith(delivery, SECRET);
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithSameEventId() {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.respondWith(500, 503, 404);
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 4);

            assertThat(receiver.received()).extracting(delivery -> delivery.header("Sixtyfour-Delivery-Attempt"))
                    .containsExactly("1", "2", "3", "4");
            assertThat(receiver.received()).extracting(delivery -> delivery.header("Sixtyfour-Event-Id"))
                    .containsOnly(receiver.received().get(0).header("Sixtyfour-Event-Id"));
            receiver.received().forEach(delivery -> assertSignedWith(delivery, SECRET));
            await().atMost(Duration.ofSeconds(5)).until(() -> emulator.webhookDeliveries().stream()
                    .anyMatch(attempt -> "delivered".equals(attempt.outcome())));
        }
    }

    @Test
    void deliveryGivesUpAfterFiveRetries() {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.respondWith(500, 500, 500, 500, 500, 500, 500, 500);
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.webhookDeliveries().stream()
                    .anyMatch(attempt -> "gave_up".equals(attempt.outcome())));

            assertThat(receiver.received()).hasSize(1 + EmulatorDefaults.WEBHOOK_MAX_RETRIES);
            assertThat(emulator.webhookDeliveries()).last().satisfies(attempt -> {
                assertThat(attempt.attempt()).isEqualTo(6);
                assertThat(attempt.statusCode()).isEqualTo(500);
            });
        }
    }

    @Test
    void deliveryNotAnsweredWithinTimeoutIsRetried() {
        String workflowId = "7a1e2b3c-0000-4d00-8e00-0000000000a1";
        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder()
                .fixturesResource("/fixtures/impatient-webhook.yaml").runStepDuration(Duration.ofMillis(10))
                .webhookRetryBackoff(Duration.ofMillis(20)).build().start();
                WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delayWith(Duration.ofSeconds(3));
            emulator.outgoingWebhookUrl(workflowId, receiver.uri());
            ApiClient.of(emulator).startRun(workflowId, List.of(Map.of("name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.webhookDeliveries().stream()
                    .anyMatch(attempt -> "delivered".equals(attempt.outcome())));

            assertThat(emulator.webhookDeliveries()).extracting(WebhookDelivery::attempt, WebhookDelivery::statusCode,
                    WebhookDelivery::outcome).containsExactly(tuple(1, -1, "retrying"), tuple(2, 200, "delivered"));
            assertThat(receiver.received()).extracting(delivery -> delivery.header("Sixtyfour-Delivery-Attempt"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void largeOutputIsNotInlined() throws Exception {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    WorkflowRunLifecycleTest.companies(1_001));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            JsonNode body = ApiClient.MAPPER.readTree(receiver.received().get(0).body());
            assertThat(body.get("row_count").asInt()).isEqualTo(1_001);
            assertThat(body.get("results").isNull()).isTrue();
            String url = body.get("results_download_url").asText();
            assertThat(url).startsWith(emulator.baseUri() + "/downloads/");
            ApiClient.Response csv = new ApiClient(emulator.baseUri(), null).send(
                    HttpRequest.newBuilder(URI.create(url)).GET());
            assertThat(csv.body().lines()).hasSize(1_002);
        }
    }

    @Test
    void deliveriesAreUnsignedWithoutSecret() {
        try (SixtyfourEmulator emulator = start(null); WebhookReceiver receiver = new WebhookReceiver()) {
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            assertThat(receiver.received().get(0).header("Sixtyfour-Signature")).isNull();
        }
    }

    @Test
    void rotationSignsWithBothSecrets() {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            emulator.rollSigningSecret(NEW_SECRET);
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            WebhookReceiver.Received delivery = receiver.received().get(0);
            assertThat(delivery.header("Sixtyfour-Signature").split(",")).hasSize(3);
            assertSignedWith(delivery, NEW_SECRET);
            assertSignedWith(delivery, SECRET);
        }
    }

    @Test
    void failedRunSendsNothing() {
        try (SixtyfourEmulator emulator = start(SECRET); WebhookReceiver receiver = new WebhookReceiver()) {
            emulator.outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver.uri());
            String jobId = ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")));
            ApiClient.of(emulator).post("/workflows/cancel?job_id=" + jobId, "");
            String sentinel = ApiClient.of(emulator).startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                    List.of(Map.of("symbol", "MSFT", "name", "Microsoft")));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            assertThat(new String(receiver.received().get(0).body(), StandardCharsets.UTF_8)).contains(sentinel)
                    .doesNotContain(jobId);
        }
    }

    /** Recomputes the signature independently over the raw bytes received, as a receiver must. */
    private static void assertSignedWith(WebhookReceiver.Received delivery, String secret) {
        String header = delivery.header("Sixtyfour-Signature");
        assertThat(header).startsWith("t=");
        String[] parts = header.split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThanOrEqualTo(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = (t + "." + new String(delivery.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(signed));
            assertThat(parts).contains(expected);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

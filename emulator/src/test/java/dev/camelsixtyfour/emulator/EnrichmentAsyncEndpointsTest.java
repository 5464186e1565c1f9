package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EnrichmentAsyncEndpointsTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();

    private static SixtyfourEmulator start(Duration step) {
        return SixtyfourEmulator.builder().runStepDuration(step).signingSecret(SECRET)
                .webhookRetryBackoff(Duration.ofMillis(20)).build().start();
    }

    @Test
    void findEmailTaskMovesFromPendingToCompleted() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(400))) {
            ApiClient client = ApiClient.of(emulator);
            JsonNode accepted = client.post("/find-email-async", Map.of("lead",
                    Map.of("name", "Tim Cook", "company", "Apple Inc."))).json();
            String taskId = accepted.get("task_id").asText();
            List<String> statuses = new ArrayList<>();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
                String status = client.get("/job-status/" + taskId).json().get("status").asText();
                if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
                    statuses.add(status);
                }
                return "completed".equals(status);
            });

            assertThat(accepted.get("status").asText()).isEqualTo("pending");
            assertThat(statuses).containsExactly("pending", "processing", "completed");
            JsonNode done = client.get("/job-status/" + taskId).json();
            assertThat(done.get("task_id").asText()).isEqualTo(taskId);
            assertThat(done.get("result").get("email").asText()).isEqualTo("tim.cook@apple.com");
        }
    }

    @Test
    void completedTaskCallsWebhookSigned() throws Exception {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10)); WebhookReceiver receiver =
                new WebhookReceiver()) {
            String taskId = ApiClient.of(emulator).post("/enrich-company-async", Map.of(
                    "target_company", Map.of("company_name", "Apple Inc."),
                    "struct", Map.of("domain", "the company website domain", "ceo", "the chief executive"),
                    "webhook_url", receiver.uri().toString())).json().get("task_id").asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            WebhookReceiver.Received delivery = receiver.received().get(0);
            JsonNode body = ApiClient.MAPPER.readTree(delivery.body());
            assertThat(body.get("task_id").asText()).isEqualTo(taskId);
            assertThat(body.get("status").asText()).isEqualTo("completed");
            assertThat(body.get("task_type").asText()).isEqualTo("enrich_company");
            assertThat(body.get("result").get("structured_data").get("domain").asText()).isEqualTo("apple.com");
            assertThat(delivery.header("Sixtyfour-Event-Type")).isEqualTo("enrich_company");
            assertThat(delivery.header("Sixtyfour-Delivery-Attempt")).isEqualTo("1");
            assertThat(delivery.header("Sixtyfour-Signature")).isEqualTo(expectedSignature(delivery));
        }
    }

    @Test
    void taskWithoutEnoughInformationFailsAndReportsError() throws Exception {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10)); WebhookReceiver receiver =
                new WebhookReceiver()) {
            ApiClient client = ApiClient.of(emulator);
            String taskId = client.post("/find-email-async", Map.of("lead", Map.of("title", "CFO"),
                    "webhook_url", receiver.uri().toString())).json().get("task_id").asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

            JsonNode status = client.get("/job-status/" + taskId).json();
            assertThat(status.get("status").asText()).isEqualTo("failed");
            assertThat(status.get("error").asText()).contains("Not enough information");
            assertThat(status.has("result")).isFalse();
            JsonNode pushed = ApiClient.MAPPER.readTree(receiver.received().get(0).body());
            assertThat(pushed.get("status").asText()).isEqualTo("failed");
            assertThat(pushed.get("error").asText()).isEqualTo(status.get("error").asText());
        }
    }

    @Test
    void callbackIsRetriedUntilAccepted() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10)); WebhookReceiver receiver =
                new WebhookReceiver()) {
            receiver.respondWith(502);
            ApiClient.of(emulator).post("/find-phone-async", Map.of("lead", Map.of("name", "Tim Cook"),
                    "webhook_url", receiver.uri().toString()));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);

            assertThat(receiver.received()).extracting(delivery -> delivery.header("Sixtyfour-Delivery-Attempt"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void missingLeadIsValidationError() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            ApiClient.Response response = ApiClient.of(emulator).post("/find-email-async", Map.of("mode",
                    "PROFESSIONAL"));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"lead\"]");
        }
    }

    @Test
    void enrichCompanyNeedsStruct() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            ApiClient.Response response = ApiClient.of(emulator).post("/enrich-company-async", Map.of(
                    "target_company", Map.of("company_name", "Apple Inc.")));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("loc").toString())
                    .isEqualTo("[\"body\",\"struct\"]");
        }
    }

    @Test
    void unknownTaskIsNotFound() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            ApiClient.Response response = ApiClient.of(emulator).get("/job-status/no-such-task");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.detail()).contains("no-such-task");
        }
    }

    @Test
    void taskOfAnotherOrganisationIsNotFound() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            String taskId = ApiClient.of(emulator).post("/find-email-async", Map.of("lead",
                    Map.of("name", "Tim Cook", "company", "Apple"))).json().get("task_id").asText();
            ApiClient other = new ApiClient(emulator.baseUri(), EmulatorDefaults.OTHER_ORG_API_KEY);

            assertThat(other.get("/job-status/" + taskId).status()).isEqualTo(404);
        }
    }

    @Test
    void synchronousFindEmailAnswersAtOnce() {
        try (SixtyfourEmulator emulator = start(Duration.ofSeconds(30))) {
            ApiClient.Response response = ApiClient.of(emulator).post("/find-email", Map.of("lead",
                    Map.of("first_name", "Lisa", "last_name", "Su", "company", "Advanced Micro Devices, Inc.")));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("email").asText()).isEqualTo("lisa.su@advancedmicrodevices.com");
        }
    }

    @Test
    void bulkFindEmailAnswersPerLeadInOrder() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            ApiClient client = ApiClient.of(emulator);
            String taskId = client.post("/find-email-bulk-async", Map.of("leads", List.of(
                    Map.of("name", "Tim Cook", "company", "Apple Inc."),
                    Map.of("title", "CFO")))).json().get("task_id").asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(
                    client.get("/job-status/" + taskId).json().get("status").asText()));

            JsonNode results = client.get("/job-status/" + taskId).json().get("result").get("results");
            assertThat(results).hasSize(2);
            assertThat(results.get(0).get("email").asText()).isEqualTo("tim.cook@apple.com");
            assertThat(results.get(1).get("error").asText()).contains("Not enough information");
        }
    }

    @Test
    void bulkOfMoreThanHundredLeadsIsValidationError() {
        try (SixtyfourEmulator emulator = start(Duration.ofMillis(10))) {
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                leads.add(Map.of("name", "Person " + i, "company", "Acme"));
            }

            ApiClient.Response response = ApiClient.of(emulator).post("/find-phone-bulk", Map.of("leads", leads));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("type").asText()).isEqualTo("too_long");
        }
    }

    private static String expectedSignature(WebhookReceiver.Received delivery) throws Exception {
        String header = delivery.header("Sixtyfour-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThanOrEqualTo(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
    }
}

package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultDownloadLinksTest {

    private final WorkflowRunIdempotencyTest.MutableClock clock = new WorkflowRunIdempotencyTest.MutableClock();

    private SixtyfourEmulator start() {
        return SixtyfourEmulator.builder().clock(clock).runStepDuration(Duration.ofMillis(10)).inlineRowLimit(50)
                .build().start();
    }

    private static String completedRun(SixtyfourEmulator emulator, String query, int rows) {
        ApiClient.Response response = ApiClient.of(emulator).post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID + query,
                Map.of("webhook_payload", WorkflowRunLifecycleTest.companies(rows)));
        String jobId = response.json().get("job_id").asText();
        TestRuns.awaitStatus(emulator, jobId, "completed");
        return jobId;
    }

    @Test
    void smallResultsAreInlinedPerBlockLastBeingFinal() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 3);

            JsonNode files = ApiClient.of(emulator).get("/workflows/runs/" + jobId + "/results/download-links")
                    .json();

            assertThat(files).hasSize(2);
            JsonNode last = files.get(1);
            assertThat(last.get("block_number").asInt()).isEqualTo(2);
            assertThat(last.get("row_count").asInt()).isEqualTo(3);
            assertThat(last.get("content_type").asText()).isEqualTo("text/csv");
            assertThat(last.get("download_expires_in_seconds").asInt()).isEqualTo(900);
            assertThat(last.get("results")).hasSize(3);
            assertThat(last.get("results").get(0).get("domain").asText()).isEqualTo("company0.com");
        }
    }

    @Test
    void largeResultsAreDownloadedWithoutApiKey() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 120);
            JsonNode last = ApiClient.of(emulator).get("/workflows/runs/" + jobId + "/results/download-links")
                    .json().get(1);

            ApiClient.Response csv = fetch(emulator, last.get("download_url").asText());

            assertThat(last.get("results").isNull()).isTrue();
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).isEqualTo("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines).hasSize(121);
            assertThat(lines.get(0)).startsWith("symbol,name,domain,website");
            assertThat(lines.get(1)).startsWith("SYM0,Company 0 Inc.,company0.com,");
            assertThat(emulator.requests("/downloads/")).singleElement()
                    .satisfies(request -> assertThat(request.header("x-api-key")).isNull());
        }
    }

    @Test
    void jsonNeedsSaveJson() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 1);

            ApiClient.Response response = ApiClient.of(emulator).get("/workflows/runs/" + jobId
                    + "/results/download-links?format=json");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.detail()).contains("save_json");
        }
    }

    @Test
    void jsonResultsAfterSaveJson() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "&save_json=true", 2);
            JsonNode last = ApiClient.of(emulator).get("/workflows/runs/" + jobId
                    + "/results/download-links?format=json").json().get(1);

            JsonNode rows = fetch(emulator, last.get("download_url").asText()).json();

            assertThat(last.get("content_type").asText()).isEqualTo("application/json");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).get("domain").asText()).isEqualTo("company1.com");
        }
    }

    @Test
    void ndjsonAfterRequestingItsResultFormat() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "&result_formats=csv&result_formats=ndjson", 2);
            JsonNode last = ApiClient.of(emulator).get("/workflows/runs/" + jobId
                    + "/results/download-links?format=ndjson").json().get(1);

            String body = fetch(emulator, last.get("download_url").asText()).body();

            assertThat(body.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"symbol\""));
        }
    }

    @Test
    void ndjsonNotRequestedIsBadRequest() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 1);

            ApiClient.Response response = ApiClient.of(emulator).get("/workflows/runs/" + jobId
                    + "/results/download-links?format=ndjson");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.detail()).contains("result_formats=ndjson");
        }
    }

    @Test
    void unknownFormatIsBadRequest() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 1);

            ApiClient.Response response = ApiClient.of(emulator).get("/workflows/runs/" + jobId
                    + "/results/download-links?format=xlsx");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.detail()).contains("'xlsx'");
        }
    }

    @Test
    void downloadUrlExpires() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 1);
            String url = ApiClient.of(emulator).get("/workflows/runs/" + jobId + "/results/download-links")
                    .json().get(1).get("download_url").asText();

            clock.advance(Duration.ofSeconds(901));
            ApiClient.Response response = fetch(emulator, url);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.detail()).contains("expired");
        }
    }

    @Test
    void tamperedDownloadUrlIsRefused() {
        try (SixtyfourEmulator emulator = start()) {
            String jobId = completedRun(emulator, "", 1);
            String url = ApiClient.of(emulator).get("/workflows/runs/" + jobId + "/results/download-links")
                    .json().get(1).get("download_url").asText();

            ApiClient.Response response = fetch(emulator, url.replace("block_2.csv", "block_1.csv"));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.detail()).contains("signature");
        }
    }

    @Test
    void downloadLinksOfNonUuidIsValidationError() {
        try (SixtyfourEmulator emulator = start()) {
            ApiClient.Response response = ApiClient.of(emulator).get("/workflows/runs/123/results/download-links");

            assertThat(response.status()).isEqualTo(422);
        }
    }

    @Test
    void runningRunListsOnlyFinishedBlocks() {
        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().runStepDuration(Duration.ofSeconds(30))
                .build().start()) {
            String jobId = ApiClient.of(emulator).startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID,
                    WorkflowRunLifecycleTest.companies(1));

            List<JsonNode> files = new ArrayList<>();
            ApiClient.of(emulator).get("/workflows/runs/" + jobId + "/results/download-links").json()
                    .forEach(files::add);

            assertThat(files).isEmpty();
        }
    }

    private static ApiClient.Response fetch(SixtyfourEmulator emulator, String url) {
        ApiClient anonymous = new ApiClient(emulator.baseUri(), null);
        return anonymous.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }
}

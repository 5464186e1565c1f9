package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkflowRunLifecycleTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(150)));

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    @Test
    void runMovesFromQueuedThroughEachBlockToCompleted() {
        // Steps of 400 ms keep every state visible to a poll every 10 ms, even on a busy machine.
        try (SixtyfourEmulator slow = SixtyfourEmulator.builder().runStepDuration(Duration.ofMillis(400)).build()
                .start()) {
            ApiClient client = ApiClient.of(slow);
            String jobId = client.startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, leads(40));
            List<String> observed = new ArrayList<>();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
                JsonNode status = client.liveStatus(jobId);
                String step = status.get("overall_status").asText() + ":" + status.get("current_block").asText("-");
                if (observed.isEmpty() || !observed.get(observed.size() - 1).equals(step)) {
                    observed.add(step);
                }
                return "completed".equals(status.get("overall_status").asText());
            });

            assertThat(observed).containsExactly("queued:-", "running:webhook", "running:lead_enrichment",
                    "running:find_phone", "completed:-");
        }
    }

    @Test
    void liveStatusReportsBlockProgressAndCounts() {
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, companies(25));
        TestRuns.awaitStatus(EMULATOR.emulator(), jobId, "completed");

        JsonNode status = client().liveStatus(jobId);

        assertThat(status.get("run_id").asText()).isEqualTo(jobId);
        assertThat(status.get("total_blocks").asInt()).isEqualTo(2);
        assertThat(status.get("completed_blocks").asInt()).isEqualTo(2);
        assertThat(status.get("overall_progress_percentage").asDouble()).isEqualTo(100.0);
        assertThat(status.get("blocks")).hasSize(2).allSatisfy(block -> {
            assertThat(block.get("status").asText()).isEqualTo("completed");
            assertThat(block.get("processed_count").asInt()).isEqualTo(25);
            assertThat(block.get("total_count").asInt()).isEqualTo(25);
            assertThat(block.get("metrics").get("row_count").asInt()).isEqualTo(25);
        });
        assertThat(status.get("blocks").get(1).get("previous_block_ids").get(0).asText())
                .isEqualTo("company-source");
    }

    @Test
    void progressAdvancesWhileRunning() {
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, leads(10));
        List<Double> progress = new ArrayList<>();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25)).until(() -> {
            JsonNode status = client().liveStatus(jobId);
            progress.add(status.get("overall_progress_percentage").asDouble());
            return "completed".equals(status.get("overall_status").asText());
        });

        assertThat(progress).isSorted();
        assertThat(progress.stream().distinct().count()).isGreaterThan(3);
    }

    @Test
    void companyEnrichmentDerivesDomainsFromNames() {
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, List.of(
                Map.of("symbol", "AAPL", "name", "Apple Inc."),
                Map.of("symbol", "MMM", "name", "3M", "sector", "Industrials")));

        List<Map<String, Object>> results = TestRuns.awaitResults(EMULATOR.emulator(), jobId);

        assertThat(results).extracting(row -> row.get("domain")).containsExactly("apple.com", "3m.com");
        assertThat(results.get(1)).containsEntry("industry", "Industrials").containsEntry("symbol", "MMM");
    }

    @Test
    void findEmailWorkflowBuildsEmailsFromNameAndCompany() {
        String jobId = client().startRun(EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID,
                List.of(Map.of("name", "Tim Cook", "company", "Apple Inc.")));

        List<Map<String, Object>> results = TestRuns.awaitResults(EMULATOR.emulator(), jobId);

        assertThat(results).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("email", "tim.cook@apple.com"));
    }

    @Test
    void readCsvWorkflowRunsOnItsStoredFile() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.READ_CSV_WORKFLOW_ID, "");
        String jobId = response.json().get("job_id").asText();

        List<Map<String, Object>> results = TestRuns.awaitResults(EMULATOR.emulator(), jobId);

        assertThat(results).hasSize(5).first().satisfies(row -> assertThat(row)
                .containsEntry("headquarters", "Saint Paul, Minnesota").containsEntry("domain", "3m.com"));
    }

    @Test
    void failingWorkflowFailsInItsSecondBlock() {
        String jobId = client().startRun(EmulatorDefaults.FAILING_WORKFLOW_ID, leads(4));

        EmulatedRun run = TestRuns.awaitStatus(EMULATOR.emulator(), jobId, "failed");

        JsonNode status = client().liveStatus(jobId);
        assertThat(status.get("overall_status").asText()).isEqualTo("failed");
        assertThat(status.get("blocks").get(0).get("status").asText()).isEqualTo("completed");
        assertThat(status.get("blocks").get(1).get("status").asText()).isEqualTo("failed");
        assertThat(status.get("blocks").get(1).get("error_message").asText()).contains("timed out");
        assertThat(status.get("blocks").get(2).get("status").asText()).isEqualTo("pending");
        assertThat(run.errorMessage()).contains("lead_enrichment");
        JsonNode listed = client().get("/workflows/runs?status=failed").json().get(0);
        assertThat(listed.get("status_reason").asText()).isNotBlank();
        assertThat(listed.get("error_message").asText()).contains("timed out");
    }

    @Test
    void listShowsNewestFirstWithRunFields() {
        String first = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, companies(1));
        String second = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, leads(1));
        TestRuns.awaitStatus(EMULATOR.emulator(), first, "completed");

        JsonNode runs = client().get("/workflows/runs").json();

        assertThat(runs).extracting(run -> run.get("job_id").asText()).containsExactly(second, first);
        JsonNode run = runs.get(1);
        assertThat(run.get("workflow_name").asText()).isEqualTo("Company enrichment");
        assertThat(run.get("blocks_count").asInt()).isEqualTo(2);
        assertThat(run.get("duration_ms").asLong()).isNotNegative();
        assertThat(run.get("completed_at").asText()).isNotBlank();
    }

    @Test
    void listFiltersByStatusAndWorkflow() {
        String done = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, companies(1));
        TestRuns.awaitStatus(EMULATOR.emulator(), done, "completed");
        String active = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, leads(1));

        assertThat(jobIds("/workflows/runs?status=active")).containsExactly(active);
        assertThat(jobIds("/workflows/runs?status=completed")).containsExactly(done);
        assertThat(jobIds("/workflows/runs?workflow_id=" + EmulatorDefaults.LEAD_WORKFLOW_ID))
                .containsExactly(active);
        assertThat(jobIds("/workflows/runs?limit=1")).containsExactly(active);
    }

    @Test
    void listHidesRunsOfOtherOrganisations() {
        client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, companies(1));
        ApiClient other = new ApiClient(EMULATOR.emulator().baseUri(), EmulatorDefaults.OTHER_ORG_API_KEY);

        assertThat(other.get("/workflows/runs").json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "ten"})
    void listLimitOutsideRangeIsValidationError(String limit) {
        ApiClient.Response response = client().get("/workflows/runs?limit=" + limit);

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(error.get("input").asText()).isEqualTo(limit);
    }

    @Test
    void liveStatusOfNonUuidIsValidationError() {
        ApiClient.Response response = client().get("/workflows/runs/not-a-uuid/live_status");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asText()).isEqualTo("uuid_parsing");
    }

    @Test
    void liveStatusOfUnknownRunIsNotFound() {
        ApiClient.Response response = client().get("/workflows/runs/7d6b0f8e-0000-4000-8000-000000000000"
                + "/live_status");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detail()).contains("7d6b0f8e-0000-4000-8000-000000000000");
    }

    @Test
    void liveStatusOfAnotherOrganisationsRunIsNotFound() {
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, companies(1));
        ApiClient other = new ApiClient(EMULATOR.emulator().baseUri(), EmulatorDefaults.OTHER_ORG_API_KEY);

        assertThat(other.get("/workflows/runs/" + jobId + "/live_status").status()).isEqualTo(404);
    }

    private List<String> jobIds(String path) {
        List<String> ids = new ArrayList<>();
        client().get(path).json().forEach(run -> ids.add(run.get("job_id").asText()));
        return ids;
    }

    static List<Map<String, Object>> companies(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", "SYM" + i);
            row.put("name", "Company " + i + " Inc.");
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> leads(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", "person" + i + "@example.com");
            row.put("name", "Person " + i);
            rows.add(row);
        }
        return rows;
    }
}

package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowRunCancelTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(200)));

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    @Test
    void cancellingRunningRunStopsIt() {
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(3));

        ApiClient.Response response = client().post("/workflows/cancel?job_id=" + jobId, "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("job_id").asText()).isEqualTo(jobId);
        assertThat(response.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(client().overallStatus(jobId)).isEqualTo("cancelled");
        assertThat(EMULATOR.emulator().run(jobId).orElseThrow().status()).isEqualTo("cancelled");
    }

    @Test
    void cancelledRunNeverCompletesLater() {
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, WorkflowRunLifecycleTest.companies(2));
        client().post("/workflows/cancel?job_id=" + jobId, "");
        String other = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, WorkflowRunLifecycleTest.companies(1));

        TestRuns.awaitStatus(EMULATOR.emulator(), other, "completed");

        assertThat(client().overallStatus(jobId)).isEqualTo("cancelled");
    }

    @Test
    void cancellingFinishedRunIsConflict() {
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, WorkflowRunLifecycleTest.companies(1));
        TestRuns.awaitStatus(EMULATOR.emulator(), jobId, "completed");

        ApiClient.Response response = client().post("/workflows/cancel?job_id=" + jobId, "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.detail()).contains(jobId).contains("completed");
    }

    @Test
    void cancellingUnknownRunIsNotFound() {
        ApiClient.Response response = client().post("/workflows/cancel?job_id=9d1c7a8e-0000-4000-8000-000000000001",
                "");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void cancelWithoutJobIdIsValidationError() {
        ApiClient.Response response = client().post("/workflows/cancel", "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"job_id\"]");
    }

    @Test
    void cancelTakesJobIdFromBody() {
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(1));

        ApiClient.Response response = client().post("/workflows/cancel", Map.of("job_id", jobId));

        assertThat(response.status()).isEqualTo(200);
    }

    /**
     * Each cancel either wins (200, the run ends cancelled) or loses to completion (409, the run ends completed).
     * Cancels are spread from the run's start to well past its completion, so both outcomes occur.
     */
    @Test
    void cancelRacingCompletionEndsInExactlyOneOutcome() throws Exception {
        try (SixtyfourEmulator fast = SixtyfourEmulator.builder().runStepDuration(Duration.ofMillis(40)).build()
                .start()) {
            ApiClient client = ApiClient.of(fast);
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
            List<String> jobIds = new ArrayList<>();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String jobId = client.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID,
                        WorkflowRunLifecycleTest.companies(1));
                jobIds.add(jobId);
                answers.add(pool.schedule(() -> client.post("/workflows/cancel?job_id=" + jobId, "").status(),
                        (i % 20) * 15L, TimeUnit.MILLISECONDS));
            }

            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();

            for (int i = 0; i < jobIds.size(); i++) {
                assertThat(statuses.get(i)).isIn(200, 409);
                String expected = statuses.get(i) == 200 ? "cancelled" : "completed";
                assertThat(TestRuns.awaitStatus(fast, jobIds.get(i), expected).status()).isEqualTo(expected);
            }
            assertThat(statuses).contains(200, 409);
        }
    }
}

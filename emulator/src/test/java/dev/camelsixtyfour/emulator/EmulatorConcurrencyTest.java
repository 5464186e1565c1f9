package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hundreds of runs at once: none lost, none mixed up with another. */
class EmulatorConcurrencyTest {

    private static final int RUNS = 300;

    @Test
    void hundredsOfConcurrentRunsKeepTheirOwnRows() throws Exception {
        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().runStepDuration(Duration.ofMillis(50)).build()
                .start()) {
            ApiClient client = ApiClient.of(emulator);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                List<Map<String, Object>> rows = rowsOfRun(i);
                started.add(pool.submit(() -> client.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, rows)));
            }
            Map<String, Integer> runByJob = new LinkedHashMap<>();
            for (int i = 0; i < RUNS; i++) {
                runByJob.put(started.get(i).get(), i);
            }

            List<Future<Integer>> polls = new ArrayList<>();
            runByJob.keySet().forEach(jobId -> polls.add(pool.submit(() -> client.get("/workflows/runs/" + jobId
                    + "/live_status").status())));
            for (Future<Integer> poll : polls) {
                assertThat(poll.get()).isEqualTo(200);
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(60)).until(() -> emulator.runs().stream()
                    .allMatch(run -> "completed".equals(run.status())));

            assertThat(runByJob).hasSize(RUNS);
            assertThat(emulator.runs()).hasSize(RUNS);
            for (EmulatedRun run : emulator.runs()) {
                int index = runByJob.get(run.jobId());
                assertThat(run.rows()).isEqualTo(rowsOfRun(index));
                assertThat(run.resultRows()).hasSize(3).allSatisfy(row -> assertThat(row.get("domain").toString())
                        .startsWith("run" + index + "company"));
            }
            assertThat(client.get("/workflows/runs?limit=500").json()).hasSize(RUNS);
        }
    }

    private static List<Map<String, Object>> rowsOfRun(int run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", "R" + run + "C" + i);
            row.put("name", "Run" + run + " Company" + i + " Inc.");
            rows.add(row);
        }
        return rows;
    }
}

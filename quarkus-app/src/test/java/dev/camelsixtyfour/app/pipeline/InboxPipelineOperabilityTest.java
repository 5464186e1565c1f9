package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;

/** What an operator sees on /q/health and /q/metrics. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineOperabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.PIPELINE);
    }

    @Test
    void isReadyWhenTheApiAnswersAndTheRepositoryTakesWrites() throws Exception {
        HttpResponse<String> ready = get(readiness);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("sixtyfour-api").contains("sixtyfour-batch-repository")
                .doesNotContain("\"DOWN\"");
    }

    @Test
    void listensOnARandomPortSoParallelBuildsDoNotCollide() throws Exception {
        assertThat(readiness.getPort()).isNotEqualTo(8081).isPositive();
        assertThat(get(readiness).statusCode()).isEqualTo(200);
    }

    @Test
    void isNotReadyWhileTheApiFails() throws Exception {
        EmulatorResource.emulator().faults().failNext("/workflows/runs", 503, 20);

        HttpResponse<String> ready = get(readiness);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("sixtyfour-api");
    }

    @Test
    void countsRowsReadRejectedAndWrittenAndRunsCompleted() throws Exception {
        String csv = Drops.sp500Head(10) + "ZZZ,,Energy,Nowhere,Somewhere\n";

        Drops.drop("metrics.csv", csv.getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> get(metrics).body()
                .contains("sixtyfour_rows_written_total{pipeline=\"inbox\"} 10.0"));
        String body = get(metrics).body();
        assertThat(body).contains("sixtyfour_rows_read_total{pipeline=\"inbox\"} 11.0")
                .contains("sixtyfour_rows_rejected_total{pipeline=\"inbox\"} 1.0")
                .contains("sixtyfour_batches_triggered_total{pipeline=\"inbox\"} 1.0")
                .contains("sixtyfour_runs_completed_total{pipeline=\"inbox\"} 1.0");
    }

    @Test
    void showsEveryCounterOfEveryPipelineBeforeItsFirstCount() throws Exception {
        String body = get(metrics).body();

        // the failing pipeline never reads a bad row or file, the inbox pipeline never has a run fail
        assertThat(body).contains("sixtyfour_rows_rejected_total{pipeline=\"failing\"} 0.0")
                .contains("sixtyfour_files_failed_total{pipeline=\"failing\"} 0.0")
                .contains("sixtyfour_runs_failed_total{pipeline=\"inbox\"} 0.0")
                .contains("sixtyfour_batches_parked_total{pipeline=\"inbox\"}");
    }

    private HttpResponse<String> get(URL url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

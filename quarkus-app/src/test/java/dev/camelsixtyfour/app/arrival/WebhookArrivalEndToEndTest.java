package dev.camelsixtyfour.app.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.ArtemisResource;
import dev.camelsixtyfour.app.support.CallbackServerResource;
import dev.camelsixtyfour.app.support.CallbackServerResource.Callback;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.Ingest;
import dev.camelsixtyfour.app.support.SftpServerResource;
import dev.camelsixtyfour.app.support.SignedDelivery;
import dev.camelsixtyfour.app.support.SinksProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Results that arrive by webhook, end to end: the emulator's outgoing_webhook block pushes each completed run,
 * signed, to the app's receiver, which delivers the results to the pipeline's sink (the HTTP callback of
 * {@code pushed}); forged and repeated deliveries, and a run whose webhook never comes ({@code late}).
 */
@QuarkusTest
@TestProfile(SinksProfile.class)
@QuarkusTestResource(value = SftpServerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ArtemisResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CallbackServerResource.class, restrictToAnnotatedClass = true)
class WebhookArrivalEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource(SinksProfile.WEBHOOK_PATH)
    URI receiver;

    @TestHTTPResource("/ingest/")
    URI ingest;

    @Inject
    BatchStore store;

    @BeforeEach
    void pushToTheApp() {
        CallbackServerResource.answer(200);
        EmulatorResource.emulator().outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, receiver);
    }

    @Test
    void signedDeliveryBringsTheRunsResultsToTheSinkOnce() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(100, 110);

        Callback delivered = ingestAndAwaitCallback(rows);

        assertThat(ndjsonSymbols(delivered.body())).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
        String jobId = delivered.header("Sixtyfour-Job-Id");
        assertThat(EmulatorResource.emulator().webhookDeliveries())
                .anyMatch(attempt -> attempt.statusCode() == 202);
        // Pushed, not polled: the app never asked the service about this run.
        assertThat(EmulatorResource.emulator().requests()).noneMatch(request -> request.path().contains(jobId));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> callbacksOfJob(jobId).size() == 1);
        assertThat(stateOf(jobId)).isEqualTo(AwaitedRuns.DONE);
    }

    @Test
    void forgedDeliveryIsRefusedAndLeavesTheRunAwaiting() throws Exception {
        assertThat(Ingest.csv(ingest, SinksProfile.LATE, Sp500Rows.slice(110, 115))).isEqualTo(202);
        await().atMost(WAIT).until(() -> !awaitingJobs(SinksProfile.LATE).isEmpty());
        String jobId = awaitingJobs(SinksProfile.LATE).get(0);
        String eventId = UUID.randomUUID().toString();
        String forged = SignedDelivery.completedRun(eventId, jobId, EmulatorDefaults.COMPANY_WORKFLOW_ID,
                List.of(Map.of("symbol", "FAKE", "name", "Forged Corp")));

        int status = SignedDelivery.post(receiver, eventId, forged, "sk_whsec_" + UUID.randomUUID());

        assertThat(status).isEqualTo(401);
        assertThat(stateOf(jobId)).isEqualTo(AwaitedRuns.AWAITING);
    }

    @Test
    void repeatedDeliveriesOfOneRunAreDeliveredOnce() throws Exception {
        Callback delivered = ingestAndAwaitCallback(Sp500Rows.slice(120, 130));
        String jobId = delivered.header("Sixtyfour-Job-Id");
        String eventId = UUID.randomUUID().toString();
        String copy = SignedDelivery.completedRun(eventId, jobId, EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                TestFiles.ndjsonLines(delivered.body()));

        int sameRun = SignedDelivery.post(receiver, eventId, copy, EmulatorResource.SIGNING_SECRET);
        int sameEvent = SignedDelivery.post(receiver, eventId, copy, EmulatorResource.SIGNING_SECRET);

        assertThat(List.of(sameRun, sameEvent)).containsExactly(202, 200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> callbacksOfJob(jobId).size() == 1);
    }

    @Test
    void deliveryForARunNoPipelineAwaitsIsAcknowledged() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body = SignedDelivery.completedRun(eventId, UUID.randomUUID().toString(),
                EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, List.of(Map.of("symbol", "NONE", "name", "Nobody")));

        assertThat(SignedDelivery.post(receiver, eventId, body, EmulatorResource.SIGNING_SECRET)).isEqualTo(202);
    }

    @Test
    void runWhoseWebhookNeverComesIsPolledAfterTheRunTimeout() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(130, 140);
        Path manifest = EmulatorResource.root().resolve("out").resolve(SinksProfile.LATE).resolve("manifest.ndjson");

        assertThat(Ingest.csv(ingest, SinksProfile.LATE, rows)).isEqualTo(202);

        await().atMost(WAIT).until(() -> Files.exists(manifest) && TestFiles.ndjsonLines(manifest).stream()
                .anyMatch(line -> line.get("rows_out").equals(rows.size())));
        Map<String, Object> batch = TestFiles.ndjsonLines(manifest).stream()
                .filter(line -> line.get("rows_out").equals(rows.size())).findFirst().orElseThrow();
        assertThat(stateOf((String) batch.get("job_id"))).isEqualTo(AwaitedRuns.DONE);
    }

    private Callback ingestAndAwaitCallback(List<Map<String, String>> rows) throws Exception {
        int before = CallbackServerResource.received("/" + SinksProfile.PUSHED).size();
        assertThat(Ingest.csv(ingest, SinksProfile.PUSHED, rows)).isEqualTo(202);
        await().atMost(WAIT).until(() -> CallbackServerResource.received("/" + SinksProfile.PUSHED).size() > before);
        return CallbackServerResource.received("/" + SinksProfile.PUSHED).get(before);
    }

    private static List<Callback> callbacksOfJob(String jobId) {
        return CallbackServerResource.received("/" + SinksProfile.PUSHED).stream()
                .filter(post -> jobId.equals(post.header("Sixtyfour-Job-Id")))
                .toList();
    }

    private List<String> awaitingJobs(String pipeline) {
        return new JdbcTemplate(store.dataSource()).queryForList("SELECT job_id FROM s64_awaited_runs "
                + "WHERE pipeline = ? AND state = ?", String.class, pipeline, AwaitedRuns.AWAITING);
    }

    private String stateOf(String jobId) {
        return new JdbcTemplate(store.dataSource()).queryForObject("SELECT state FROM s64_awaited_runs "
                + "WHERE job_id = ?", String.class, jobId);
    }

    private static List<String> ndjsonSymbols(String ndjson) {
        return TestFiles.ndjsonLines(ndjson).stream().map(row -> String.valueOf(row.get("symbol"))).toList();
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.FormatPipelinesProfile;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.RecordedRequest;

/**
 * One pipeline rate-limited by the service does not hold up another: the {@code json} pipeline's batch gets 429 on
 * every attempt of its first trigger and waits for its retry, while the {@code ndjson} pipeline, on another
 * workflow, completes its run; then the first completes too, each batch started exactly once.
 */
@QuarkusTest
@TestProfile(FormatPipelinesProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class TwoPipelinesRateLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String TRIGGER = "/workflows/run";

    /** One trigger's attempts: the first and the component's default three retries. */
    private static final int ATTEMPTS_PER_TRIGGER = 4;

    private static final int ROWS = 10;

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        FormatPipelinesProfile.resetOnceIdle(batches);
    }

    @Test
    void aRateLimitedPipelineWaitsWhileAnotherCompletesThenEachBatchStartsOnce() {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, ROWS);
        EmulatorResource.emulator().faults().failNext(TRIGGER, 429, ATTEMPTS_PER_TRIGGER);

        Drops.drop(FormatPipelinesProfile.inbox(FormatPipelinesProfile.JSON), "limited.json",
                "[\n" + rows(symbols, ",\n") + "\n]\n");
        await().atMost(WAIT).until(() -> triggers(EmulatorDefaults.COMPANY_WORKFLOW_ID).size()
                == ATTEMPTS_PER_TRIGGER);
        Drops.drop(FormatPipelinesProfile.inbox(FormatPipelinesProfile.NDJSON), "free.ndjson",
                rows(symbols, "\n") + "\n");

        await().atMost(WAIT).until(() -> outboxSymbols(FormatPipelinesProfile.NDJSON).size() == ROWS);
        assertThat(runs(EmulatorDefaults.COMPANY_WORKFLOW_ID)).as("the rate-limited pipeline's runs").isEmpty();

        await().atMost(WAIT).until(() -> outboxSymbols(FormatPipelinesProfile.JSON).size() == ROWS);
        assertStartedOnce(EmulatorDefaults.COMPANY_WORKFLOW_ID, ATTEMPTS_PER_TRIGGER + 1, symbols);
        assertStartedOnce(EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID, 1, symbols);
        assertThat(outboxSymbols(FormatPipelinesProfile.JSON)).containsExactlyInAnyOrderElementsOf(symbols);
    }

    /** One run with every row, and all its trigger requests (429s and the accepted one) under one Idempotency-Key. */
    private static void assertStartedOnce(String workflowId, int requests, List<String> symbols) {
        assertThat(runs(workflowId)).singleElement().satisfies(run -> assertThat(run.rows())
                .extracting(row -> row.get("symbol")).containsExactlyInAnyOrderElementsOf(symbols));
        assertThat(triggers(workflowId)).hasSize(requests)
                .extracting(request -> request.header("Idempotency-Key")).doesNotContainNull()
                .containsOnly(triggers(workflowId).get(0).header("Idempotency-Key"));
    }

    private static List<RecordedRequest> triggers(String workflowId) {
        return EmulatorResource.emulator().requests(TRIGGER).stream()
                .filter(request -> request.query().contains("workflow_id=" + workflowId))
                .toList();
    }

    private static List<EmulatedRun> runs(String workflowId) {
        return EmulatorResource.emulator().runs().stream()
                .filter(run -> workflowId.equals(run.workflowId()))
                .toList();
    }

    private static List<Object> outboxSymbols(String pipeline) {
        Path results = FormatPipelinesProfile.out(pipeline).resolve("results");
        return TestFiles.ndjsonRows(results, ".ndjson").stream().map(row -> row.get("symbol")).toList();
    }

    /** The companies as JSON objects (symbol and name, the name doubling as the company for FIND_EMAIL). */
    private static String rows(List<String> symbols, String separator) {
        return symbols.stream()
                .map(symbol -> "{\"Symbol\": \"" + symbol + "\", \"Security\": \"Company " + symbol + "\"}")
                .collect(Collectors.joining(separator));
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/** The inbox pipeline driven from outside, as an operator would: drop a real company list, read the outbox. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineEndToEndTest {

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.pendingBatches(InboxPipelineProfile.PIPELINE) == 0);
        EmulatorResource.emulator().reset();
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Path inbox;
    private Path out;

    @BeforeEach
    void paths() {
        inbox = EmulatorResource.root().resolve("inbox");
        out = EmulatorResource.root().resolve("out").resolve(InboxPipelineProfile.PIPELINE);
    }

    @Test
    void everyRowOfTheSp500ListReachesTheWorkflowOnceAndComesBackEnriched() throws IOException {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol");

        Files.write(inbox.resolve("sp500.csv"), TestFiles.resource("sp500-constituents.csv"));

        await().atMost(WAIT).until(() -> outboxRows().size() >= symbols.size());
        assertThat(sentSymbols()).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(outboxRows()).hasSameSizeAs(symbols)
                .allSatisfy(row -> assertThat(row).containsKeys("symbol", "name", "domain", "employee_count"));
        assertThat(TestFiles.files(inbox.resolve(".done"), ".csv")).hasSize(1);
    }

    private List<Map<String, Object>> outboxRows() {
        return TestFiles.ndjsonRows(out.resolve("results"), ".ndjson");
    }

    private List<String> sentSymbols() {
        return EmulatorResource.emulator().runs().stream()
                .filter(run -> EmulatorDefaults.COMPANY_WORKFLOW_ID.equals(run.workflowId()))
                .map(EmulatedRun::rows)
                .flatMap(List::stream)
                .map(row -> String.valueOf(row.get("symbol")))
                .toList();
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;

/** What the trigger stage does with the service's refusals and its rate limit. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineTriggerFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.PIPELINE);
    }

    @Test
    void aBatchRefusedWith402IsParkedWithTheReasonAndRunsOnceReplayed() throws IOException {
        EmulatorResource.emulator().faults().failNext("/workflows/run", 402, 1);
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, 30);

        Drops.drop("refused.csv", Drops.sp500Head(30).getBytes(StandardCharsets.UTF_8));

        Path deadLetter = Drops.out().resolve("dead-letter");
        await().atMost(WAIT).until(() -> TestFiles.files(deadLetter, ".reason.json").size() == 1);
        Path reason = TestFiles.files(deadLetter, ".reason.json").get(0);
        assertThat(Files.readString(reason)).contains("\"status\":402").contains("refused.csv:2-31");
        assertThat(EmulatorResource.emulator().runs()).isEmpty();

        Path parked = TestFiles.files(deadLetter, ".ndjson").get(0);
        Files.createDirectories(Drops.out().resolve("dead-letter/replay"));
        Files.move(parked, Drops.out().resolve("dead-letter/replay").resolve(parked.getFileName()));

        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() == symbols.size());
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void aFailedRunIsParkedWithTheServiceReason() throws IOException {
        Drops.drop(EmulatorResource.root().resolve(InboxPipelineProfile.FAILING_PIPELINE + "-inbox"), "people.csv",
                "email,name\nada@example.com,Ada Lovelace\n");

        Path deadLetter = EmulatorResource.root().resolve("out").resolve(InboxPipelineProfile.FAILING_PIPELINE)
                .resolve("dead-letter");
        await().atMost(WAIT).until(() -> TestFiles.files(deadLetter, ".reason.json").size() == 1);
        assertThat(Files.readString(TestFiles.files(deadLetter, ".reason.json").get(0)))
                .contains("Block 2 (lead_enrichment) failed: Enrichment provider timed out after 3 attempts")
                .contains("block_failed");
    }

    @Test
    void aRateLimitedBatchWaitsAndRetriesWithoutStartingASecondRun() {
        EmulatorResource.emulator().faults().failNext("/workflows/run", 429, 6);
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, 30);

        Drops.drop("limited.csv", Drops.sp500Head(30).getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() >= symbols.size());
        await().atMost(WAIT).until(() -> batches.pendingBatches(InboxPipelineProfile.PIPELINE) == 0);
        assertThat(EmulatorResource.emulator().runs()).hasSize(1);
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(TestFiles.files(Drops.out().resolve("dead-letter"), ".reason.json")).isEmpty();
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The inbox pipeline driven from outside, as an operator would: drop a real company list, read the outbox. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.PIPELINE);
    }

    @Test
    void everyRowOfTheSp500ListReachesTheWorkflowOnceAndComesBackEnriched() {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol");

        Drops.drop("sp500.csv", TestFiles.resource("sp500-constituents.csv"));

        await().atMost(WAIT).until(() -> Drops.outboxRows().size() >= symbols.size());
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(Drops.outboxRows()).hasSameSizeAs(symbols)
                .allSatisfy(row -> assertThat(row).containsKeys("symbol", "name", "domain", "employee_count"));
        assertThat(TestFiles.files(Drops.inbox().resolve(".done"), ".csv")).hasSize(1);
    }
}

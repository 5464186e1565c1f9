package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;

/**
 * A graceful stop completes the batch that is still open: its rows are triggered as one run and the aggregation
 * repository is left empty. The batch's own completions (row count, idle time) are far away, so only the stop can
 * complete it. The test stops the Camel context itself, hence its own profile and application.
 */
@QuarkusTest
@TestProfile(InboxPipelineGracefulShutdownTest.FarCompletionProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineGracefulShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ROWS = 7;

    /** The inbox pipeline with a batch that neither fills up nor idles out while the test runs. */
    public static class FarCompletionProfile extends InboxPipelineProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            String prefix = "sixtyfour.pipelines." + PIPELINE + ".";
            config.put(prefix + "batch.max-rows", "1000");
            config.put(prefix + "batch.idle-timeout", "10m");
            return config;
        }
    }

    @Inject
    CamelContext camel;

    @Inject
    BatchStore batches;

    @Test
    void stoppingGracefullyTriggersThePartialBatchOnceAndLeavesNothingInTheRepository() {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, ROWS);

        Drops.drop("partial.csv", Drops.sp500Head(ROWS).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> !TestFiles.files(Drops.inbox().resolve(".done"), ".csv").isEmpty());
        assertThat(batches.pendingBatches(InboxPipelineProfile.PIPELINE)).as("open batches").isEqualTo(1);
        assertThat(EmulatorResource.emulator().runs()).isEmpty();

        camel.stop();

        assertThat(EmulatorResource.emulator().runs()).singleElement().satisfies(run -> assertThat(run.rows())
                .extracting(row -> row.get("symbol")).containsExactlyInAnyOrderElementsOf(symbols));
        assertThat(batches.pendingBatches(InboxPipelineProfile.PIPELINE)).as("batches left").isZero();
        assertThat(Drops.outboxRows()).extracting(row -> row.get("symbol"))
                .containsExactlyInAnyOrderElementsOf(symbols);
    }
}

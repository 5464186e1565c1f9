package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.camelsixtyfour.app.support.AppProcess;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;

/**
 * The packaged app (quarkus-run.jar) as its own process, killed with SIGKILL while batches are open and runs are
 * in flight, then started again on the same state: every row reaches the workflow exactly once and comes back.
 * The emulator runs in this test's JVM. Runs from the failsafe plugin, after the app is packaged.
 */
class AppProcessKillTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private SixtyfourEmulator emulator;
    private Path root;
    private Process app;

    @BeforeEach
    void start() throws IOException {
        emulator = SixtyfourEmulator.builder().port(0).runStepDuration(Duration.ofMillis(700)).build().start();
        root = Files.createTempDirectory("sixtyfour-kill");
        Files.createDirectories(root.resolve("inbox"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        emulator.close();
    }

    @Test
    void killedMidBatchTheAppLosesNoRowAndStartsNoRunTwice() throws Exception {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol");
        Files.write(root.resolve("inbox/sp500.csv"), TestFiles.resource("sp500-constituents.csv"));

        app = launch("first");
        await().atMost(WAIT).until(() -> emulator.runs().size() >= 2);
        app.destroyForcibly().waitFor();
        int sentBeforeKill = sent().size();

        app = launch("second");

        await().atMost(WAIT).until(() -> outboxSymbols().size() >= symbols.size());
        assertThat(sentBeforeKill).isLessThan(symbols.size());
        assertThat(sent()).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(outboxSymbols()).containsExactlyInAnyOrderElementsOf(symbols);
    }

    private List<String> sent() {
        return emulator.runs().stream()
                .filter(run -> EmulatorDefaults.COMPANY_WORKFLOW_ID.equals(run.workflowId()))
                .map(EmulatedRun::rows)
                .flatMap(List::stream)
                .map(row -> String.valueOf(row.get("symbol")))
                .toList();
    }

    /** Symbols in the outbox, once per batch file (a batch rewritten after the restart counts once). */
    private List<String> outboxSymbols() {
        return TestFiles.ndjsonRows(root.resolve("out/kill/results"), ".ndjson").stream()
                .map(row -> String.valueOf(row.get("symbol")))
                .toList();
    }

    private Process launch(String attempt) throws IOException {
        Map<String, String> config = new TreeMap<>();
        config.put("sixtyfour.api.base-uri", emulator.baseUri().toString());
        config.put("sixtyfour.api.key", EmulatorDefaults.DEFAULT_API_KEY);
        config.put("sixtyfour.data-directory", root.resolve("out").toString());
        config.put("quarkus.http.port", "0");
        String pipeline = "sixtyfour.pipelines.kill.";
        config.put(pipeline + "workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(pipeline + "source.directory", root.resolve("inbox").toString());
        config.put(pipeline + "source.stable-for", "300ms");
        config.put(pipeline + "source.poll-interval", "200ms");
        config.put(pipeline + "mapping.columns.symbol", "Symbol");
        config.put(pipeline + "mapping.columns.name", "Security");
        config.put(pipeline + "batch.max-rows", "40");
        config.put(pipeline + "batch.idle-timeout", "1s");
        config.put(pipeline + "batch.retry-interval", "1s");
        config.put(pipeline + "batch.concurrency", "2");
        config.put(pipeline + "run.poll-interval", "200ms");

        // the default (embedded H2) database URL, only its folder moved: the durability under test is the default's
        return AppProcess.launch(config, root.resolve("state"), root.resolve("app-" + attempt + ".log"));
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.camelsixtyfour.app.support.AppProcess;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;

/**
 * The packaged app in one-shot mode on the emulator's FAILING workflow: the run fails, the batch is parked and the
 * summary names the service's reason for it. Runs from the failsafe plugin, after the app is packaged.
 */
class AppOneShotFailedRunProcessTest {

    private static final String REASON =
            "Block 2 (lead_enrichment) failed: Enrichment provider timed out after 3 attempts";

    private Path root;
    private SixtyfourEmulator emulator;
    private Process app;

    @BeforeEach
    void startEmulator() throws IOException {
        root = Files.createTempDirectory("sixtyfour-one-shot-failed");
        Files.createDirectories(root.resolve("inbox"));
        emulator = SixtyfourEmulator.builder().port(0).runStepDuration(Duration.ofMillis(100)).build().start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        emulator.close();
    }

    @Test
    void summaryNamesTheServiceReasonOfTheFailedRun() throws Exception {
        Files.writeString(root.resolve("inbox/people.csv"), "email,name\nada@example.com,Ada Lovelace\n");

        app = launch();

        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("one-shot run ended").isTrue();
        String log = Files.readString(root.resolve("app.log"));
        assertThat(log.lines().filter(line -> line.contains("parked ") && line.contains(".reason.json: Run ")))
                .singleElement().asString().contains("ended failed: " + REASON);
    }

    private Process launch() throws IOException {
        Map<String, String> config = new TreeMap<>();
        config.put("sixtyfour.api.base-uri", emulator.baseUri().toString());
        config.put("sixtyfour.api.key", EmulatorDefaults.DEFAULT_API_KEY);
        config.put("sixtyfour.one-shot", "true");
        config.put("sixtyfour.data-directory", root.resolve("out").toString());
        config.put("quarkus.http.port", "0");
        String pipeline = "sixtyfour.pipelines.people.";
        config.put(pipeline + "workflow-id", EmulatorDefaults.FAILING_WORKFLOW_ID);
        config.put(pipeline + "source.directory", root.resolve("inbox").toString());
        config.put(pipeline + "source.stable-for", "300ms");
        config.put(pipeline + "source.poll-interval", "200ms");
        config.put(pipeline + "batch.idle-timeout", "300ms");
        config.put(pipeline + "run.poll-interval", "100ms");
        config.put(pipeline + "mapping.columns.email", "email");
        config.put(pipeline + "mapping.columns.name", "name");

        return AppProcess.launch(config, root.resolve("state"), root.resolve("app.log"));
    }
}

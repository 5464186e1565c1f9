package dev.camelsixtyfour.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;

/**
 * Starts the Sixtyfour emulator for a Quarkus test (the API the app talks to) and gives the app a fresh folder for
 * its data and its H2 database. Tests reach both through the static accessors.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The emulator signs its webhook deliveries with this; the app is given it as sixtyfour-test.signing-secret. */
    public static final String SIGNING_SECRET = "sk_whsec_" + UUID.randomUUID();

    private static SixtyfourEmulator emulator;
    private static Path root;

    public static SixtyfourEmulator emulator() {
        return emulator;
    }

    /** The test's folder: {@code inbox/}, {@code out/} and {@code state/} live under it. */
    public static Path root() {
        return root;
    }

    /** Waits until the pipeline owes no batch (so no run is cut short), then clears the emulator's runs and faults. */
    public static void resetOnceIdle(BatchStore batches, String pipeline) {
        await().atMost(Duration.ofSeconds(40)).until(() -> batches.pendingBatches(pipeline) == 0);
        emulator.reset();
    }

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("sixtyfour-app-test");
            Files.createDirectories(root.resolve("inbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator = SixtyfourEmulator.builder().port(0).runStepDuration(Duration.ofMillis(50))
                .signingSecret(SIGNING_SECRET).build().start();
        return Map.of(
                "sixtyfour.api.base-uri", emulator.baseUri().toString(),
                "sixtyfour.api.key", EmulatorDefaults.DEFAULT_API_KEY,
                "sixtyfour.data-directory", root.resolve("out").toString(),
                "sixtyfour-test.root", root.toString(),
                "sixtyfour-test.signing-secret", SIGNING_SECRET,
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + root.resolve("state/sixtyfour").toAbsolutePath()
                        + ";WRITE_DELAY=0");
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

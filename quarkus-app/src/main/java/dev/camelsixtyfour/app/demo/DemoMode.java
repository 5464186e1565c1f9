package dev.camelsixtyfour.app.demo;

import java.time.Duration;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;

/**
 * The {@code demo} mode of {@code bin/demo}: selects the demo profile (one pipeline, the inbox folder, one-shot) and,
 * unless SIXTYFOUR_API_KEY is set, starts the emulator in-process on 127.0.0.1 as the API with its COMPANY
 * workflow. With SIXTYFOUR_API_KEY (and SIXTYFOUR_WORKFLOW_ID) set, the same demo runs against the real service.
 */
public final class DemoMode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    private static final Duration DEMO_RUN_STEP = Duration.ofMillis(100);

    private final SixtyfourEmulator emulator;

    private DemoMode(SixtyfourEmulator emulator) {
        this.emulator = emulator;
    }

    public static DemoMode fromArguments(String... args) {
        if (!Arrays.asList(args).contains("demo")) {
            return new DemoMode(null);
        }
        System.setProperty("quarkus.profile", "demo");
        String realKey = System.getenv("SIXTYFOUR_API_KEY");
        if (realKey != null && !realKey.isBlank()) {
            LOG.info("Demo against the Sixtyfour API with the key from SIXTYFOUR_API_KEY");
            return new DemoMode(null);
        }
        SixtyfourEmulator emulator = SixtyfourEmulator.builder().port(0).runStepDuration(DEMO_RUN_STEP).build().start();
        System.setProperty("sixtyfour.api.base-uri", emulator.baseUri().toString());
        System.setProperty("sixtyfour.api.key", EmulatorDefaults.DEFAULT_API_KEY);
        System.setProperty("sixtyfour-demo.workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        LOG.info("Demo: the Sixtyfour emulator answers on {} (COMPANY workflow {})", emulator.baseUri(),
                EmulatorDefaults.COMPANY_WORKFLOW_ID);
        return new DemoMode(emulator);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

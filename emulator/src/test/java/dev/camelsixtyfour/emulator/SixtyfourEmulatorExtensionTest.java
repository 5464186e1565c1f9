package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SixtyfourEmulatorExtensionTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofSeconds(30)));

    private static SixtyfourEmulator startedBeforeAll;

    @BeforeAll
    static void captureEmulator(SixtyfourEmulator emulator) {
        startedBeforeAll = emulator;
    }

    @Test
    @Order(1)
    void emulatorIsRunningAndResolvedAsParameter(SixtyfourEmulator emulator) {
        ApiClient.of(emulator).startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("symbol", "A", "name", "A"));
        emulator.faults().failNext("/", 500, 10);

        assertThat(emulator).isSameAs(EMULATOR.emulator()).isSameAs(startedBeforeAll);
        assertThat(emulator.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(emulator.runs()).hasSize(1);
    }

    @Test
    @Order(2)
    void eachTestStartsFromReset() {
        SixtyfourEmulator emulator = EMULATOR.emulator();

        assertThat(emulator.runs()).isEmpty();
        assertThat(emulator.requests()).isEmpty();
        assertThat(ApiClient.of(emulator).get("/workflows").status()).isEqualTo(200);
    }
}

package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorMainTest {

    @Test
    void bannerNamesAddressWorkflowsAndDemoKey() {
        try (SixtyfourEmulator emulator = EmulatorMain.configure(new String[] {"--port", "0", "--step-millis", "50"})
                .build().start()) {
            String banner = EmulatorMain.banner(emulator, true);

            assertThat(banner).contains("listening on " + emulator.baseUri())
                    .contains(EmulatorDefaults.COMPANY_WORKFLOW_ID + "  Company enrichment")
                    .contains(EmulatorDefaults.DEFAULT_API_KEY);
        }
    }

    @Test
    void bannerNeverShowsConfiguredKeys() {
        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().apiKey("sk_live_from_env_1234", "org-a")
                .build().start()) {
            String banner = EmulatorMain.banner(emulator, false);

            assertThat(banner).doesNotContain("sk_live_from_env_1234")
                    .doesNotContain(EmulatorDefaults.DEFAULT_API_KEY).contains(EmulatorMain.KEYS_ENV);
        }
    }

    @Test
    void unknownOptionIsRejectedByName() {
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--host", "0.0.0.0"}))
                .hasMessageContaining("--host");
    }
}

package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SixtyfourEmulatorExtensionNestedTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create();

    private static URI firstUri;

    @BeforeAll
    static void rememberAddress() {
        firstUri = EMULATOR.emulator().baseUri();
    }

    @Nested
    @Order(1)
    class Inner {
        @Test
        void nestedTestsShareTheEmulator() {
            assertThat(EMULATOR.emulator().baseUri()).isEqualTo(firstUri);
        }
    }

    @Nested
    @Order(2)
    class AfterInner {
        @Test
        void emulatorOutlivesEarlierNestedClass() {
            assertThat(EMULATOR.emulator().baseUri()).isEqualTo(firstUri);
            assertThat(ApiClient.of(EMULATOR.emulator()).get("/workflows").status()).isEqualTo(200);
        }
    }
}

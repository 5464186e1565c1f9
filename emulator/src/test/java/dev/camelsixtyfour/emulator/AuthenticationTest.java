package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.apiKey("test-key", "org-a"));

    @ParameterizedTest
    @ValueSource(strings = {"/workflows", "/workflows/runs", "/workflows/runs/9d1c7a8e-0000-4000-8000-000000000001"
            + "/live_status", "/job-status/abc"})
    void missingKeyIsUnauthorized(String path) {
        ApiClient.Response response = new ApiClient(EMULATOR.emulator().baseUri(), null).get(path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("API key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-key", "sixtyfour-emulator-demo-key"})
    void unknownKeyIsUnauthorized(String key) {
        ApiClient.Response response = new ApiClient(EMULATOR.emulator().baseUri(), key).get("/workflows");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/workflows", "/workflows/runs"})
    void configuredKeyIsAccepted(String path) {
        assertThat(new ApiClient(EMULATOR.emulator().baseUri(), "test-key").get(path).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/workflows", "/workflows/runs"})
    void bearerTokenIsAcceptedWithoutPayload(String path) {
        ApiClient bearer = new ApiClient(EMULATOR.emulator().baseUri(), null).withHeader("Authorization",
                "Bearer test-key");

        assertThat(bearer.get(path).status()).isEqualTo(200);
    }
}

package dev.camelsixtyfour.app.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelsixtyfour.app.mapping.InputSchemaClient.WorkflowUnavailableException;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;

/** A key the service refuses: the failure keeps the service's detail and says it is a configuration problem. */
class InputSchemaClientWrongKeyTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create();

    @Test
    void aRefusedKeyIsReportedWithTheServiceDetailAsAConfigurationProblemWithoutTheKey() {
        String wrongKey = "sk_test_WRONG_456";
        InputSchemaClient client = new InputSchemaClient(EMULATOR.emulator().baseUri().toString(), wrongKey);

        WorkflowUnavailableException failure = catchThrowableOfType(WorkflowUnavailableException.class,
                () -> client.requiredColumns(EmulatorDefaults.COMPANY_WORKFLOW_ID));

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.passing()).isFalse();
        assertThat(failure.getMessage()).contains("answered 401: Invalid or expired API key")
                .contains("configuration problem").doesNotContain(wrongKey);
    }
}

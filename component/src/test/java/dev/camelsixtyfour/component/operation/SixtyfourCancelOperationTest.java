package dev.camelsixtyfour.component.operation;

import java.time.Duration;
import java.util.Map;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.model.CancelOutcome;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourCancelOperationTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofSeconds(2)));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void runningRunIsCancelled() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=cancel"), jobId, Map.of());

        assertThat(exchange.getMessage().getBody()).isEqualTo(new CancelOutcome(jobId, RunStatus.cancelled, false));
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.ALREADY_FINISHED)).isEqualTo(false);
        assertThat(EMULATOR.emulator().run(jobId)).hasValueSatisfying(
                run -> assertThat(run.status()).isEqualTo("cancelled"));
    }

    @Test
    void finishedRunIsReportedAsAlreadyFinishedWithTheStatusItEndedIn() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");
        camel.send(camel.uri("runs", "operation=cancel"), jobId, Map.of());

        Exchange second = camel.send(camel.uri("runs", "operation=cancel"), jobId, Map.of());

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getBody()).isEqualTo(new CancelOutcome(jobId, RunStatus.cancelled, true));
        assertThat(second.getMessage().getHeader(SixtyfourConstants.ALREADY_FINISHED)).isEqualTo(true);
        assertThat(EMULATOR.emulator().requests("/workflows/cancel")).hasSize(2);
    }

    @Test
    void unknownRunIsStillAFailure() {
        Exchange exchange = camel.send(camel.uri("runs", "operation=cancel"), "0b7e9c1e-0000-4000-8000-000000000000",
                Map.of());

        assertThat(exchange.getException()).isInstanceOfSatisfying(SixtyfourException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}

package dev.camelsixtyfour.component.operation;

import java.time.Duration;
import java.util.Map;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.CancelOutcome;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourCancelCompletedRunTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofMillis(50)));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void completedRunIsAlreadyFinishedAsCompleted() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");
        await().until(() -> EMULATOR.emulator().run(jobId).map(run -> "completed".equals(run.status())).orElse(false));

        Exchange exchange = camel.send(camel.uri("runs", "operation=cancel"), null,
                Map.of(SixtyfourConstants.JOB_ID, jobId));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(new CancelOutcome(jobId, RunStatus.completed, true));
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RUN_STATUS)).isEqualTo(RunStatus.completed);
    }
}

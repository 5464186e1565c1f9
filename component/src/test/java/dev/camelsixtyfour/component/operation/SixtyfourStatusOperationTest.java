package dev.camelsixtyfour.component.operation;

import java.time.Duration;
import java.util.Map;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourStatusOperationTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofMillis(100)));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void statusOfTheJobIdHeaderIsTheTypedBodyWithStatusAndProgressHeaders() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=status"), null,
                Map.of(SixtyfourConstants.JOB_ID, jobId));

        LiveStatus status = exchange.getMessage().getBody(LiveStatus.class);
        assertThat(status.runId()).isEqualTo(jobId);
        assertThat(status.workflowId()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.RUN_STATUS, status.overallStatus())
                .containsEntry(SixtyfourConstants.PROGRESS, status.overallProgressPercentage())
                .containsEntry(SixtyfourConstants.WORKFLOW_ID, EmulatorDefaults.COMPANY_WORKFLOW_ID);
    }

    @Test
    void jobIdInTheBodyIsFollowedToCompletion() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        await().until(() -> camel.send(camel.uri("runs", "operation=status"), jobId, Map.of()).getMessage()
                .getHeader(SixtyfourConstants.RUN_STATUS) == RunStatus.completed);

        Exchange done = camel.send(camel.uri("runs", "operation=status"), jobId, Map.of());
        assertThat(done.getMessage().getHeader(SixtyfourConstants.PROGRESS, Double.class)).isEqualTo(100.0);
    }

    @Test
    void failedRunCarriesTheServiceReasonInHeaders() {
        String jobId = camel.startRun(EmulatorDefaults.FAILING_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        await().until(() -> camel.send(camel.uri("runs", "operation=status"), jobId, Map.of()).getMessage()
                .getHeader(SixtyfourConstants.RUN_STATUS) == RunStatus.failed);

        Exchange failed = camel.send(camel.uri("runs", "operation=status"), jobId, Map.of());
        assertThat(failed.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.STATUS_REASON, "block_failed")
                .containsEntry(SixtyfourConstants.ERROR_MESSAGE,
                        "Block 2 (lead_enrichment) failed: Enrichment provider timed out after 3 attempts");
    }

    @Test
    void operationHeaderWinsOverTheOption() {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=runs"), jobId,
                Map.of(SixtyfourConstants.OPERATION, "status"));

        assertThat(exchange.getMessage().getBody()).isInstanceOf(LiveStatus.class);
    }

    @Test
    void missingJobIdFailsNamingTheHeader() {
        Exchange exchange = camel.send(camel.uri("runs", "operation=status"), null, Map.of());

        assertThat(exchange.getException())
                .isInstanceOf(SixtyfourException.class)
                .hasMessageContaining(SixtyfourConstants.JOB_ID);
    }

    @Test
    void unknownRunFailsWithTheServiceStatus() {
        Exchange exchange = camel.send(camel.uri("runs", "operation=status"), "0b7e9c1e-0000-4000-8000-000000000000",
                Map.of());

        assertThat(exchange.getException()).isInstanceOfSatisfying(SixtyfourException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}

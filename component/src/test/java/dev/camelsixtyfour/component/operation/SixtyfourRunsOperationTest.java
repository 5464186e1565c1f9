package dev.camelsixtyfour.component.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.WorkflowRun;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourRunsOperationTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofMillis(50)));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void workflowOptionListsOnlyThatWorkflowsRuns() {
        String company = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");
        camel.startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, List.of(Map.of("email", "ada@acme.example")), "");

        List<WorkflowRun> runs = runs(camel.uri("runs", "operation=runs&workflowId="
                                                      + EmulatorDefaults.COMPANY_WORKFLOW_ID), Map.of());

        assertThat(runs).extracting(WorkflowRun::jobId).containsExactly(company);
    }

    @Test
    void workflowEndpointDefaultsTheFilterToItsWorkflow() {
        String company = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");
        camel.startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, List.of(Map.of("email", "ada@acme.example")), "");

        List<WorkflowRun> runs = runs(camel.uri("workflow", "operation=runs&id="
                                                           + EmulatorDefaults.COMPANY_WORKFLOW_ID), Map.of());

        assertThat(runs).extracting(WorkflowRun::jobId).containsExactly(company);
    }

    @Test
    void headersSetStatusAndLimitFilters() {
        for (int i = 0; i < 3; i++) {
            camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");
        }
        await().until(() -> EMULATOR.emulator().runs().stream().allMatch(run -> "completed".equals(run.status())));

        Exchange exchange = camel.send(camel.uri("runs", "operation=runs&runsStatus=failed"), null,
                Map.of(SixtyfourConstants.RUNS_STATUS, "completed", SixtyfourConstants.RUNS_LIMIT, 2));

        List<WorkflowRun> runs = exchange.getMessage().getBody(List.class);
        assertThat(runs).hasSize(2).extracting(WorkflowRun::status).containsOnly(RunStatus.completed);
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RUNS_COUNT)).isEqualTo(2);
        assertThat(EMULATOR.emulator().requests("/workflows/runs").get(0).query())
                .contains("status=completed").contains("limit=2");
    }

    @SuppressWarnings("unchecked")
    private List<WorkflowRun> runs(String uri, Map<String, Object> headers) {
        Exchange exchange = camel.send(uri, null, headers);
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }
}

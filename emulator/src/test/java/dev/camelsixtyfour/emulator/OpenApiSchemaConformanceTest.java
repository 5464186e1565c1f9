package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's answers checked against the schemas of the service's published OpenAPI document. */
class OpenApiSchemaConformanceTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(20)));

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    private static void assertConforms(JsonNode answer, String schemaName) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:sixtyfour-openapi.json#/components/schemas/"
                + schemaName));
        Set<ValidationMessage> errors = schema.validate(answer);
        assertThat(errors).as("%s against %s", answer, schemaName).isEmpty();
    }

    private String completedRun() {
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(3));
        TestRuns.awaitStatus(EMULATOR.emulator(), jobId, "completed");
        return jobId;
    }

    @Test
    void runStartedAnswerConforms() {
        JsonNode answer = client().post("/workflows/run?workflow_id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID,
                Map.of("webhook_payload", List.of(Map.of("symbol", "AAPL", "name", "Apple Inc.")))).json();

        assertConforms(answer, "WorkflowRunStartedResponse");
    }

    @Test
    void liveStatusConformsWhileRunningAndWhenDone() {
        String running = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(2));
        assertConforms(client().liveStatus(running), "WorkflowLiveStatusResponse");

        String done = completedRun();
        JsonNode status = client().liveStatus(done);

        assertConforms(status, "WorkflowLiveStatusResponse");
        status.get("blocks").forEach(block -> assertConforms(block, "BlockLiveStatus"));
    }

    @Test
    void failedRunLiveStatusConforms() {
        String jobId = client().startRun(EmulatorDefaults.FAILING_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(2));
        TestRuns.awaitStatus(EMULATOR.emulator(), jobId, "failed");

        assertConforms(client().liveStatus(jobId), "WorkflowLiveStatusResponse");
    }

    @Test
    void runListItemsConform() {
        completedRun();
        client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, WorkflowRunLifecycleTest.companies(1));

        JsonNode runs = client().get("/workflows/runs").json();

        assertThat(runs).hasSize(2);
        runs.forEach(run -> assertConforms(run, "WorkflowRunResponse"));
    }

    @Test
    void cancelAnswerConforms() {
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(2));

        assertConforms(client().post("/workflows/cancel?job_id=" + jobId, "").json(), "WorkflowCancelResponse");
    }

    @Test
    void downloadLinksConform() {
        String jobId = completedRun();

        JsonNode files = client().get("/workflows/runs/" + jobId + "/results/download-links").json();

        assertThat(files).hasSize(3);
        files.forEach(file -> assertConforms(file, "WorkflowResultItemWithDownload"));
    }

    @Test
    void workflowAnswersConform() {
        client().get("/workflows").json().forEach(workflow -> assertConforms(workflow, "WorkflowResponse"));

        JsonNode detail = client().get("/workflows/" + EmulatorDefaults.LEAD_WORKFLOW_ID).json();

        assertConforms(detail, "WorkflowResponse");
        assertConforms(detail.get("workflow_definition"), "WorkflowGraph");
    }

    @Test
    void validationErrorsConform() {
        assertConforms(client().get("/workflows/runs?limit=0").json(), "HTTPValidationError");
        assertConforms(client().post("/workflows/run", Map.of()).json(), "HTTPValidationError");
        assertConforms(client().get("/workflows/runs/x/live_status").json(), "HTTPValidationError");
        assertConforms(client().post("/find-email-async", Map.of()).json(), "HTTPValidationError");
    }

    @Test
    void schemaCheckCatchesMissingFieldsAtEveryDepth() {
        JsonSchema cancel = FACTORY.getSchema(SchemaLocation.of(
                "classpath:sixtyfour-openapi.json#/components/schemas/WorkflowCancelResponse"));
        JsonSchema live = FACTORY.getSchema(SchemaLocation.of(
                "classpath:sixtyfour-openapi.json#/components/schemas/WorkflowLiveStatusResponse"));
        String jobId = client().startRun(EmulatorDefaults.LEAD_WORKFLOW_ID, WorkflowRunLifecycleTest.leads(1));
        JsonNode status = client().liveStatus(jobId).deepCopy();
        ((ObjectNode) status.get("blocks").get(0)).remove("metrics");

        assertThat(cancel.validate(ApiClient.MAPPER.createObjectNode().put("job_id", "x"))).isNotEmpty();
        assertThat(live.validate(status)).isNotEmpty();
    }
}

package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowRunTriggerRulesTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(20)));

    private static final Map<String, Object> APPLE = Map.of("symbol", "AAPL", "name", "Apple Inc.");

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    @Test
    void acceptedRunAnswersQueuedWithJobId() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("queued");
        assertThat(body.get("workflow_id").asText()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(body.get("job_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("already_started").isNull()).isTrue();
        assertThat(EMULATOR.emulator().runs()).singleElement()
                .satisfies(run -> assertThat(run.rows()).containsExactly(APPLE));
    }

    @Test
    void payloadOnReadCsvWorkflowIsRejected() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.READ_CSV_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("read_csv").contains("webhook_payload");
        assertThat(EMULATOR.emulator().runs()).isEmpty();
    }

    @Test
    void bearerTokenOnPayloadRunIsRejected() {
        ApiClient.Response response = client().withHeader("Authorization", "Bearer "
                + EmulatorDefaults.DEFAULT_API_KEY).post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("API key");
    }

    @Test
    void bearerTokenAloneOnPayloadRunIsRejected() {
        ApiClient.Response response = client().withoutApiKey().withHeader("Authorization", "Bearer "
                + EmulatorDefaults.DEFAULT_API_KEY).post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", APPLE));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("bearer");
    }

    @Test
    void rowMissingRequiredColumnIsRejectedNamingColumnAndRow() {
        List<Map<String, Object>> rows = List.of(Map.of("email", "tim.cook@apple.com"),
                Map.of("name", "No Email"));

        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.LEAD_WORKFLOW_ID, Map.of("webhook_payload", rows));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("'email'").contains("webhook_payload[1]").contains("row 2");
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, "{\"webhook_payload\": [");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).startsWith("Request body is not valid JSON");
    }

    @Test
    void columnsOutsideInputSchemaPassThroughToResults() {
        Map<String, Object> row = Map.of("symbol", "AAPL", "name", "Apple Inc.", "crm_id", "0015g00000XyZ");
        String jobId = client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, List.of(row));

        List<Map<String, Object>> results = TestRuns.awaitResults(EMULATOR.emulator(), jobId);

        assertThat(results).singleElement().satisfies(result -> assertThat(result)
                .containsEntry("crm_id", "0015g00000XyZ").containsEntry("domain", "apple.com"));
    }

    @Test
    void unknownWorkflowIsNotFound() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id=no-such-workflow",
                Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detail()).contains("no-such-workflow");
    }

    @Test
    void workflowOfAnotherOrganisationIsForbidden() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.OTHER_ORG_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detail()).contains(EmulatorDefaults.OTHER_ORG_WORKFLOW_ID);
    }

    @Test
    void workflowOfAnotherOrganisationRunsForItsOwner() {
        ApiClient owner = new ApiClient(EMULATOR.emulator().baseUri(), EmulatorDefaults.OTHER_ORG_API_KEY);

        ApiClient.Response response = owner.post("/workflows/run?workflow_id="
                + EmulatorDefaults.OTHER_ORG_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void missingWorkflowIdIsValidationErrorInListForm() {
        ApiClient.Response response = client().post("/workflows/run", Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc")).containsExactly(ApiClient.MAPPER.valueToTree("query"),
                ApiClient.MAPPER.valueToTree("workflow_id"));
        assertThat(error.get("type").asText()).isEqualTo("missing");
        assertThat(error.get("msg").asText()).isEqualTo("Field required");
    }

    @Test
    void singleObjectPayloadIsOneRow() {
        client().startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, APPLE);

        assertThat(EMULATOR.emulator().runs()).singleElement()
                .satisfies(run -> assertThat(run.rows()).containsExactly(APPLE));
    }

    @Test
    void runWithoutPayloadUsesWebhookInputSample() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(EMULATOR.emulator().runs()).singleElement().satisfies(run -> assertThat(run.rows())
                .singleElement().satisfies(row -> assertThat(row).containsEntry("symbol", "AAPL")));
    }

    @Test
    void specsOverrideReplacesSourceSpecsForOneRun() {
        Map<String, Object> override = Map.of("input_schema", Map.of("cik", Map.of("type", "string",
                "required", true)));

        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", List.of(APPLE),
                "specs_override", override));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("'cik'");
    }

    @Test
    void invalidResultFormatIsValidationError() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID + "&result_formats=csv&result_formats=xml",
                Map.of("webhook_payload", List.of(APPLE)));

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"result_formats\",1]");
        assertThat(error.get("input").asText()).isEqualTo("xml");
    }

    @Test
    void invalidSaveJsonIsValidationError() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID + "&save_json=maybe", Map.of("webhook_payload", APPLE));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asText()).isEqualTo("bool_parsing");
    }

    @Test
    void payloadItemThatIsNotAnObjectIsValidationError() {
        ApiClient.Response response = client().post("/workflows/run?workflow_id="
                + EmulatorDefaults.COMPANY_WORKFLOW_ID, Map.of("webhook_payload", List.of("AAPL")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"body\",\"webhook_payload\",0]");
    }
}

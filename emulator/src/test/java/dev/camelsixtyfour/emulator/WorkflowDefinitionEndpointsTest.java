package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowDefinitionEndpointsTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create();

    private ApiClient client() {
        return ApiClient.of(EMULATOR.emulator());
    }

    @Test
    void listShowsOwnAndSharedWorkflowsOnly() {
        List<String> ids = new ArrayList<>();
        client().get("/workflows").json().forEach(workflow -> ids.add(workflow.get("id").asText()));

        assertThat(ids).contains(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatorDefaults.LEAD_WORKFLOW_ID,
                EmulatorDefaults.READ_CSV_WORKFLOW_ID, EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                EmulatorDefaults.FAILING_WORKFLOW_ID, EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID)
                .doesNotContain(EmulatorDefaults.OTHER_ORG_WORKFLOW_ID);
    }

    @Test
    void detailCarriesBlocksAndEdges() {
        JsonNode workflow = client().get("/workflows/" + EmulatorDefaults.LEAD_WORKFLOW_ID).json();

        JsonNode blocks = workflow.get("workflow_definition").get("blocks");
        assertThat(blocks).extracting(block -> block.get("block_name").asText())
                .containsExactly("webhook", "lead_enrichment", "find_phone");
        assertThat(blocks.get(0).get("specs").get("input_schema").get("email").get("required").asBoolean()).isTrue();
        assertThat(workflow.get("workflow_definition").get("edges")).hasSize(2);
    }

    @Test
    void companyWorkflowRequiresSymbolAndNameOfCompanyRows() {
        JsonNode source = client().get("/workflows/" + EmulatorDefaults.COMPANY_WORKFLOW_ID).json()
                .get("workflow_definition").get("blocks").get(0).get("specs");

        assertThat(source.get("dataframe_type").asText()).isEqualTo("COMPANY");
        assertThat(source.get("input_schema").get("symbol").get("required").asBoolean()).isTrue();
        assertThat(source.get("input_schema").get("name").get("required").asBoolean()).isTrue();
        assertThat(source.get("input_schema").get("sector").asText()).isEqualTo("string");
    }

    @Test
    void workflowOfAnotherOrganisationIsForbidden() {
        ApiClient.Response response = client().get("/workflows/" + EmulatorDefaults.OTHER_ORG_WORKFLOW_ID);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void unknownWorkflowIsNotFound() {
        assertThat(client().get("/workflows/0b7e4f0e-0000-4000-8000-00000000dead").status()).isEqualTo(404);
    }

    @Test
    void nonUuidWorkflowIdIsValidationError() {
        ApiClient.Response response = client().get("/workflows/company");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"workflow_id\"]");
    }
}

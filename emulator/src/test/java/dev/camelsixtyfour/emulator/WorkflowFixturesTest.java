package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowFixturesTest {

    private static final String CUSTOM_ID = "0e0f5a3c-1111-4c71-9a3e-00000000abcd";

    @TempDir
    Path dir;

    @Test
    void bundledFixturesHoldEveryDefaultWorkflow() {
        SixtyfourEmulator emulator = SixtyfourEmulator.builder().build();

        assertThat(emulator.workflowIds()).contains(EmulatorDefaults.COMPANY_WORKFLOW_ID,
                EmulatorDefaults.LEAD_WORKFLOW_ID, EmulatorDefaults.READ_CSV_WORKFLOW_ID,
                EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, EmulatorDefaults.FAILING_WORKFLOW_ID,
                EmulatorDefaults.OTHER_ORG_WORKFLOW_ID, EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID);
        emulator.close();
    }

    @Test
    void customJsonFixturesFileIsServed() throws IOException {
        Path file = dir.resolve("fixtures.json");
        Files.writeString(file, """
                {"workflows": [{"id": "%s", "name": "Filter, dedupe, then email",
                  "workflow_definition": {
                    "blocks": [
                      {"block_id": "s", "block_name": "webhook", "sequence_number": 1,
                       "specs": {"input_schema": {"name": {"type": "string", "required": true}}}},
                      {"block_id": "f", "block_name": "filter", "sequence_number": 2, "specs": {"column": "domain"}},
                      {"block_id": "d", "block_name": "deduplicate", "sequence_number": 3, "specs": {"column": "name"}},
                      {"block_id": "e", "block_name": "find_email", "sequence_number": 4, "specs": {}}],
                    "edges": [{"from_block_id": "s", "to_block_id": "f"}, {"from_block_id": "f", "to_block_id": "d"},
                              {"from_block_id": "d", "to_block_id": "e"}]}}]}
                """.formatted(CUSTOM_ID));

        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().fixtures(file)
                .runStepDuration(Duration.ofMillis(10)).build().start()) {
            String jobId = ApiClient.of(emulator).startRun(CUSTOM_ID, List.of(
                    Map.of("name", "Ada Lovelace", "domain", "analytical.org"),
                    Map.of("name", "Charles Babbage"),
                    Map.of("name", "Ada Lovelace", "domain", "analytical.org")));

            assertThat(TestRuns.awaitResults(emulator, jobId)).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("email", "ada.lovelace@analytical.org"));
            assertThat(emulator.workflowIds()).containsExactly(CUSTOM_ID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two sources    | {block_id: b, block_name: read_csv, sequence_number: 2, specs: {}}   | a        "
                + "| exactly one source block",
        "unknown block  | {block_id: b, block_name: teleport, sequence_number: 2, specs: {}}   | a        "
                + "| 'teleport'",
        "dangling edge  | {block_id: b, block_name: find_email, sequence_number: 2, specs: {}} | nowhere  "
                + "| nowhere",
        "duplicate id   | {block_id: a, block_name: find_email, sequence_number: 2, specs: {}} | a        "
                + "| appears twice"
    })
    void invalidDefinitionIsRejectedNamingFileAndFault(String scenario, String secondBlock, String edgeTarget,
            String fault) throws IOException {
        Path file = dir.resolve("invalid.yaml");
        Files.writeString(file, """
                workflows:
                  - id: %s
                    name: Invalid
                    workflow_definition:
                      blocks:
                        - {block_id: a, block_name: webhook, sequence_number: 1, specs: {}}
                        - %s
                      edges: [{from_block_id: a, to_block_id: %s}]
                """.formatted(CUSTOM_ID, secondBlock, edgeTarget));

        assertThatThrownBy(() -> SixtyfourEmulator.builder().fixtures(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid.yaml").hasMessageContaining(fault);
    }
}

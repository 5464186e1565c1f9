package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                {"workflows": [{"id": "%s", "name": "Dedupe then email",
                  "workflow_definition": {
                    "blocks": [
                      {"block_id": "s", "block_name": "webhook", "sequence_number": 1,
                       "specs": {"input_schema": {"name": {"type": "string", "required": true}}}},
                      {"block_id": "d", "block_name": "deduplicate", "sequence_number": 2, "specs": {"column": "name"}},
                      {"block_id": "e", "block_name": "find_email", "sequence_number": 3, "specs": {}}],
                    "edges": [{"from_block_id": "s", "to_block_id": "d"}, {"from_block_id": "d", "to_block_id": "e"}]}}]}
                """.formatted(CUSTOM_ID));

        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().fixtures(file)
                .runStepDuration(Duration.ofMillis(10)).build().start()) {
            String jobId = ApiClient.of(emulator).startRun(CUSTOM_ID, List.of(
                    Map.of("name", "Ada Lovelace", "domain", "analytical.org"),
                    Map.of("name", "Ada Lovelace", "domain", "analytical.org")));

            assertThat(TestRuns.awaitResults(emulator, jobId)).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("email", "ada.lovelace@analytical.org"));
            assertThat(emulator.workflowIds()).containsExactly(CUSTOM_ID);
        }
    }

    @Test
    void workflowWithTwoSourcesIsRejected() throws IOException {
        Path file = dir.resolve("two-sources.yaml");
        Files.writeString(file, """
                workflows:
                  - id: %s
                    name: Two sources
                    workflow_definition:
                      blocks:
                        - {block_id: a, block_name: webhook, sequence_number: 1, specs: {}}
                        - {block_id: b, block_name: read_csv, sequence_number: 2, specs: {}}
                      edges: []
                """.formatted(CUSTOM_ID));

        assertThatThrownBy(() -> SixtyfourEmulator.builder().fixtures(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two-sources.yaml").hasMessageContaining("exactly one source block");
    }

    @Test
    void unknownBlockNameIsRejected() throws IOException {
        Path file = dir.resolve("unknown-block.yaml");
        Files.writeString(file, """
                workflows:
                  - id: %s
                    name: Unknown block
                    workflow_definition:
                      blocks:
                        - {block_id: a, block_name: webhook, sequence_number: 1, specs: {}}
                        - {block_id: b, block_name: teleport, sequence_number: 2, specs: {}}
                      edges: [{from_block_id: a, to_block_id: b}]
                """.formatted(CUSTOM_ID));

        assertThatThrownBy(() -> SixtyfourEmulator.builder().fixtures(file).build())
                .hasMessageContaining("'teleport'").hasMessageContaining("workflows[0]");
    }

    @Test
    void edgeToMissingBlockIsRejected() throws IOException {
        Path file = dir.resolve("dangling.yaml");
        Files.writeString(file, """
                workflows:
                  - id: %s
                    name: Dangling edge
                    workflow_definition:
                      blocks:
                        - {block_id: a, block_name: webhook, sequence_number: 1, specs: {}}
                      edges: [{from_block_id: a, to_block_id: nowhere}]
                """.formatted(CUSTOM_ID));

        assertThatThrownBy(() -> SixtyfourEmulator.builder().fixtures(file).build())
                .hasMessageContaining("nowhere");
    }
}

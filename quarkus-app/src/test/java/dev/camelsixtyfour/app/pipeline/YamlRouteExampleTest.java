package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/** The example YAML route (examples/yaml-route) loaded beside the app, with no configured pipeline. */
@QuarkusTest
@TestProfile(YamlRouteExampleTest.YamlRouteProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class YamlRouteExampleTest {

    @Test
    void anNdjsonFileDroppedForTheYamlRouteComesBackEnriched() throws IOException {
        Path inbox = Files.createDirectories(EmulatorResource.root().resolve("yaml-inbox"));
        String rows = "{\"symbol\":\"MMM\",\"name\":\"3M\"}\n{\"symbol\":\"AOS\",\"name\":\"A. O. Smith\"}\n";

        Files.writeString(inbox.resolve("companies.ndjson"), rows);

        Path enriched = EmulatorResource.root().resolve("yaml-outbox/companies.enriched.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(enriched));
        List<Map<String, Object>> results = new ObjectMapper().readValue(enriched.toFile(),
                new TypeReference<List<Map<String, Object>>>() {
                });
        assertThat(results).extracting(row -> row.get("symbol")).containsExactlyInAnyOrder("MMM", "AOS");
        assertThat(results).allSatisfy(row -> assertThat(row).containsKey("domain"));
        assertThat(TestFiles.files(inbox.resolve(".done"), ".ndjson")).hasSize(1);
    }

    public static class YamlRouteProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "camel.main.routes-include-pattern", "file:../examples/yaml-route/sixtyfour-ndjson-route.yaml",
                    "yaml-example.inbox", "{{sixtyfour-test.root}}/yaml-inbox",
                    "yaml-example.outbox", "{{sixtyfour-test.root}}/yaml-outbox",
                    "yaml-example.workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        }
    }
}

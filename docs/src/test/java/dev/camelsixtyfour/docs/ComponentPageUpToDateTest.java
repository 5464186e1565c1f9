package dev.camelsixtyfour.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentPageUpToDateTest {

    private static final Path PAGE = Path.of(System.getProperty("docs.page", "sixtyfour-component.adoc"));

    @Test
    void committedPageMatchesTheCatalog() throws IOException {
        String committed = Files.readString(PAGE, StandardCharsets.UTF_8);

        String regenerated = ComponentPageUpdater.render(committed, ComponentPageUpdater.loadCatalog());

        assertThat(committed)
                .as("%s is out of date with the catalog; run: mvn -B -ntp -pl component,docs -am process-classes"
                    + " -Pupdate-docs", PAGE)
                .isEqualTo(regenerated);
    }

    @Test
    void pageHoldsEveryGeneratedRegion() throws IOException {
        String committed = Files.readString(PAGE, StandardCharsets.UTF_8);

        assertThat(committed).contains("// component-options: START", "// endpoint-path-options: START",
                "// endpoint-query-options: START", "// message-headers: START");
    }

    @Test
    void everyCatalogOptionAndHeaderAppearsOnThePage() throws IOException {
        String committed = Files.readString(PAGE, StandardCharsets.UTF_8);
        ComponentModel model = ComponentPageUpdater.loadCatalog();

        model.getComponentOptions().forEach(option -> assertThat(committed).contains("*" + option.getName() + "*"));
        model.getEndpointOptions().forEach(option -> assertThat(committed).contains("*" + option.getName() + "*"));
        model.getEndpointHeaders().forEach(header -> assertThat(committed).contains("*" + header.getName() + "*"));
    }
}

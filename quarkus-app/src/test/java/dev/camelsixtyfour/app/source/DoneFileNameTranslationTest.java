package dev.camelsixtyfour.app.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The done-file setting's placeholders become Camel's, and a value naming no file is refused. */
class DoneFileNameTranslationTest {

    @Test
    void theNamePlaceholderBecomesCamelsFileName() {
        assertThat(DoneFileName.camelExpression("inbox", "{name}.done")).isEqualTo("${file:name}.done");
    }

    @Test
    void theNameWithoutExtensionPlaceholderBecomesCamelsFileNameWithoutExtension() {
        assertThat(DoneFileName.camelExpression("inbox", "{name.noext}.ready"))
                .isEqualTo("${file:name.noext}.ready");
    }

    @Test
    void whatTheConfigurationSystemMakesOfFileNameIsRefusedNamingTheProperty() {
        // ${file:name}.done reaches the app as name.done: the configuration system expanded it
        assertThatThrownBy(() -> DoneFileName.camelExpression("inbox", "name.done"))
                .hasMessageContaining("sixtyfour.pipelines.inbox.source.done-file-name")
                .hasMessageContaining("{name}.done");
    }
}

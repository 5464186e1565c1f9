package dev.camelsixtyfour.app.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.camelsixtyfour.app.config.PipelineConfig.FormatType;

/** JSON arrays and NDJSON, read one object at a time. */
class RowReadersJsonTest {

    @Test
    void readsTheObjectsOfAJsonArrayWithTheirLines() throws IOException {
        String json = "[\n {\"symbol\": \"MMM\", \"cik\": 66740},\n {\"symbol\": \"AOS\", \"tags\": [\"a\"]}\n]";

        List<SourceRow> rows = RowReadersCsvTest.read(json.getBytes(StandardCharsets.UTF_8),
                TestFormat.of(FormatType.JSON));

        assertThat(rows).extracting(row -> row.values().get("symbol")).containsExactly("MMM", "AOS");
        assertThat(rows.get(0).values()).containsEntry("cik", 66740);
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L);
    }

    @Test
    void anArrayElementThatIsNotAnObjectIsOneUnreadableRow() throws IOException {
        String json = "[{\"symbol\": \"MMM\"}, 42, {\"symbol\": \"AOS\"}]";

        List<SourceRow> rows = RowReadersCsvTest.read(json.getBytes(StandardCharsets.UTF_8),
                TestFormat.of(FormatType.JSON));

        assertThat(rows).extracting(SourceRow::readable).containsExactly(true, false, true);
    }

    @Test
    void aJsonFileThatIsNotAnArrayIsReported() {
        byte[] json = "{\"symbol\": \"MMM\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RowReadersCsvTest.read(json, TestFormat.of(FormatType.JSON)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void aTruncatedJsonArrayStopsTheFileAfterTheObjectsBeforeIt() {
        byte[] json = "[{\"symbol\": \"MMM\"}, {\"symbol\": \"AO".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RowReadersCsvTest.read(json, TestFormat.of(FormatType.JSON)))
                .isInstanceOf(MalformedFileException.class);
    }

    @Test
    void readsNdjsonSkippingBlankLinesAndRejectingABadLine() throws IOException {
        String ndjson = "{\"symbol\": \"MMM\"}\n\nnot json\n{\"symbol\": \"AOS\"}\n";

        List<SourceRow> rows = RowReadersCsvTest.read(ndjson.getBytes(StandardCharsets.UTF_8),
                TestFormat.of(FormatType.NDJSON));

        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L, 4L);
        assertThat(rows).extracting(SourceRow::readable).containsExactly(true, false, true);
    }
}

package dev.camelsixtyfour.component.results;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.model.ResultFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowReadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> twoRowFiles() {
        return Stream.of(
                Arguments.of(ResultFormat.csv, "name,domain\nAcme,acme.com\n\"Beta, Inc\",beta.io\n"),
                Arguments.of(ResultFormat.json,
                        "[{\"name\":\"Acme\",\"domain\":\"acme.com\"},\n {\"name\":\"Beta, Inc\",\"domain\":\"beta.io\"}]"),
                Arguments.of(ResultFormat.ndjson,
                        "{\"name\":\"Acme\",\"domain\":\"acme.com\"}\n\n{\"name\":\"Beta, Inc\",\"domain\":\"beta.io\"}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoRowFiles")
    void readsRowsInOrderWithColumnsKeyedByName(ResultFormat format, String content) throws IOException {
        CloseTrackingStream input = stream(content);

        List<Map<String, Object>> rows = drain(RowReaders.open(format, input, "results." + format.value(), MAPPER));

        assertThat(rows).containsExactly(
                Map.of("name", "Acme", "domain", "acme.com"),
                Map.of("name", "Beta, Inc", "domain", "beta.io"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoRowFiles")
    void closesTheStreamWhenTheLastRowHasBeenRead(ResultFormat format, String content) throws IOException {
        CloseTrackingStream input = stream(content);

        drain(RowReaders.open(format, input, "results", MAPPER));

        assertThat(input.closed).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoRowFiles")
    void closeBeforeTheEndReleasesTheStream(ResultFormat format, String content) throws IOException {
        CloseTrackingStream input = stream(content);
        RowIterator rows = RowReaders.open(format, input, "results", MAPPER);

        rows.next();
        rows.close();

        assertThat(input.closed).isTrue();
        assertThat(rows.hasNext()).isFalse();
        assertThat(rows.rowsRead()).isEqualTo(1);
    }

    @Test
    void jsonKeepsValueTypes() throws IOException {
        RowIterator rows = RowReaders.open(ResultFormat.json,
                stream("[{\"employees\":120,\"public\":true,\"tags\":[\"a\"]}]"), "results.json", MAPPER);

        assertThat(rows.next()).containsEntry("employees", 120).containsEntry("public", true)
                .containsEntry("tags", List.of("a"));
    }

    @Test
    void emptyFileHasNoRows() throws IOException {
        assertThat(RowReaders.open(ResultFormat.ndjson, stream(""), "empty", MAPPER).hasNext()).isFalse();
        assertThat(RowReaders.open(ResultFormat.json, stream("[]"), "empty", MAPPER).hasNext()).isFalse();
        assertThat(RowReaders.open(ResultFormat.csv, stream("name,domain\n"), "empty", MAPPER).hasNext()).isFalse();
    }

    @Test
    void jsonThatIsNotAnArrayFailsNamingTheSourceAndClosesTheStream() throws IOException {
        CloseTrackingStream input = stream("{\"detail\":\"expired\"}");
        RowIterator rows = RowReaders.open(ResultFormat.json, input, "job-7/results.json", MAPPER);

        assertThatThrownBy(rows::hasNext)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("row 1 of job-7/results.json")
                .hasMessageContaining("expected a JSON array");
        assertThat(input.closed).isTrue();
    }

    @Test
    void ndjsonLineThatIsNotAnObjectFailsNamingTheRow() throws IOException {
        RowIterator rows = RowReaders.open(ResultFormat.ndjson, stream("{\"a\":1}\n[1,2]\n"), "out.ndjson", MAPPER);

        rows.next();

        assertThatThrownBy(rows::next).hasMessageContaining("row 2 of out.ndjson");
    }

    @Test
    void inlineRowsUseTheSameInterface() {
        RowIterator rows = RowReaders.of(List.of(Map.of("a", 1), Map.of("a", 2)));

        assertThat(drain(rows)).hasSize(2);
        assertThat(rows.rowsRead()).isEqualTo(2);
    }

    private static List<Map<String, Object>> drain(RowIterator rows) {
        List<Map<String, Object>> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }

    private static CloseTrackingStream stream(String content) {
        return new CloseTrackingStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static final class CloseTrackingStream extends FilterInputStream {
        private boolean closed;

        CloseTrackingStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}

package dev.camelsixtyfour.app.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV as real exports write it, read as a stream of rows. */
class RowReadersCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsTheDelimiterFromTheHeaderRow(String delimiter) throws IOException {
        String csv = String.join(delimiter, "symbol", "name", "city") + "\n"
                + String.join(delimiter, "MMM", "3M", "Saint Paul") + "\n";

        List<SourceRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).containsEntry("symbol", "MMM").containsEntry("city", "Saint Paul");
            assertThat(row.line()).isEqualTo(2);
        });
    }

    @Test
    void usesAConfiguredDelimiterOverDetection() throws IOException {
        String csv = "a;b,c\n1;2,3\n";

        List<SourceRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv().withDelimiter(","));

        assertThat(rows.get(0).values()).containsEntry("a;b", "1;2").containsEntry("c", "3");
    }

    @Test
    void keepsDelimitersAndLineBreaksInsideQuotedFieldsAndCountsLinesFromTheRecordStart() throws IOException {
        String csv = "symbol,headquarters,note\n"
                + "MMM,\"Saint Paul, Minnesota\",\"line one\nline two\"\n"
                + "AOS,\"Milwaukee, Wisconsin\",plain\n";

        List<SourceRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv());

        assertThat(rows).extracting(row -> row.values().get("headquarters"))
                .containsExactly("Saint Paul, Minnesota", "Milwaukee, Wisconsin");
        assertThat(rows.get(0).values()).containsEntry("note", "line one\nline two");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L);
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "symbol,name\nMMM,3M\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);

        List<SourceRow> rows = read(csv, TestFormat.csv());

        assertThat(rows.get(0).values()).containsOnlyKeys("symbol", "name");
    }

    @ParameterizedTest
    @CsvSource({"windows-1252, Société Générale €", "ISO-8859-1, Nestlé Zürich"})
    void readsSingleByteCharsetsRight(String charset, String name) throws IOException {
        byte[] csv = ("symbol,name\nX," + name + "\n").getBytes(Charset.forName(charset));

        List<SourceRow> rows = read(csv, TestFormat.csv().withCharset(charset));

        assertThat(rows.get(0).values()).containsEntry("name", name);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsOneUnreadableRowAndTheNextOnesGoOn() throws IOException {
        String csv = "symbol,name\nMMM,3M,extra\nAOS,A. O. Smith\n";

        List<SourceRow> rows = read(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv());

        assertThat(rows.get(0).readable()).isFalse();
        assertThat(rows.get(0).problem()).contains("3 fields where the header row has 2");
        assertThat(rows.get(1).values()).containsEntry("symbol", "AOS");
    }

    @Test
    void brokenQuotingStopsTheFileAtTheLineWhereTheRecordStarted() throws IOException {
        String csv = "symbol,name\nMMM,3M\nAOS,\"A. O. Smith\nABT,Abbott\n";
        List<SourceRow> before = new ArrayList<>();

        assertThatThrownBy(() -> readInto(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv(), before))
                .isInstanceOf(MalformedFileException.class)
                .satisfies(e -> assertThat(((MalformedFileException) e).line()).isEqualTo(3));
        assertThat(before).extracting(row -> row.values().get("symbol")).containsExactly("MMM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AOS,\"A. O. Smith\nABT,Abbott\n", "AOS,\"A. O.\nSmith\"x\nABT,Abbott\n"})
    void brokenQuotingIsReportedWithOneLineNumber(String rest) {
        String csv = "symbol,name\nMMM,3M\n" + rest;

        assertThatThrownBy(() -> read(csv.getBytes(StandardCharsets.UTF_8), TestFormat.csv()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("test.csv line 3: ")
                .hasMessageContaining("quoted field of the record starting on this line")
                .hasMessageNotContainingAny("line:", "startline", "line 4", "line 5");
    }

    @Test
    void undecodableBytesAreReportedAtTheLineHoldingThemAfterTheRowsBefore() {
        StringBuilder csv = new StringBuilder("symbol,name\n");
        for (int line = 2; line <= 100; line++) {
            csv.append("S").append(line).append(line == 78 ? ",Société Générale\n" : ",Company\n");
        }
        List<SourceRow> before = new ArrayList<>();

        assertThatThrownBy(() -> readInto(csv.toString().getBytes(Charset.forName("windows-1252")), TestFormat.csv(),
                before))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("test.csv line 78: ")
                .hasMessageContaining("charset");
        assertThat(before).hasSize(76);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedInsteadOfReplaced() {
        byte[] csv = "symbol,name\nX,Société\n".getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> read(csv, TestFormat.csv()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not valid in the configured charset");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThatThrownBy(() -> read(new byte[0], TestFormat.csv()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aBinaryFileIsReported() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};

        assertThatThrownBy(() -> read(zip, TestFormat.csv()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("binary");
    }

    static List<SourceRow> read(byte[] content, TestFormat format) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        readInto(content, format, rows);
        return rows;
    }

    static void readInto(byte[] content, TestFormat format, List<SourceRow> rows) throws IOException {
        try (RowReader reader = RowReaders.open(new ByteArrayInputStream(content), format, "test.csv")) {
            reader.forEachRemaining(row -> {
                if (row.failure() != null) {
                    throw row.failure();
                }
                rows.add(row);
            });
        }
    }
}

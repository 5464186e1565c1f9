package dev.camelsixtyfour.app.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatType;
import dev.camelsixtyfour.app.format.MalformedFileException;
import dev.camelsixtyfour.app.format.RowReader;
import dev.camelsixtyfour.app.format.RowReaders;
import dev.camelsixtyfour.app.format.SourceRow;

/**
 * Reads every row of a payload that is already in memory (a request body or a queue message) with the same
 * readers as files. All rows are read before any is handed on, so a payload that cannot be read to its end is
 * refused whole ({@link MalformedFileException}) and none of its rows reaches a batch.
 */
final class PayloadRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadRows() {
    }

    static List<SourceRow> read(byte[] payload, FormatConfig format, String sourceName) {
        requireContent(payload, format, sourceName);
        List<SourceRow> rows = new ArrayList<>();
        try (RowReader reader = RowReaders.open(asJsonArray(payload, format), format, sourceName)) {
            while (reader.hasNext()) {
                SourceRow row = reader.next();
                if (row.failure() != null) {
                    throw row.failure();
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** True when the payload is exactly one JSON value (an object or an array) and nothing after it. */
    static boolean singleJsonValue(byte[] payload) {
        try (JsonParser parser = JSON.getFactory().createParser(payload)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean startsWithArray(byte[] payload) {
        int first = firstNonBlank(payload);
        return first >= 0 && payload[first] == '[';
    }

    private static void requireContent(byte[] payload, FormatConfig format, String sourceName) {
        int first = firstNonBlank(payload);
        if (first < 0) {
            throw new MalformedFileException(sourceName, 1, "empty payload: no records", null);
        }
        boolean json = format.type() != FormatType.CSV;
        if (json && payload[first] != '{' && payload[first] != '[') {
            throw new MalformedFileException(sourceName, 1,
                    "not JSON: expected one JSON object, a JSON array of objects or NDJSON", null);
        }
    }

    /**
     * One JSON object is read as an array of one; the bracket goes on the first line (after a byte order mark), so
     * line numbers hold.
     */
    private static InputStream asJsonArray(byte[] payload, FormatConfig format) {
        if (format.type() != FormatType.JSON || payload[firstNonBlank(payload)] != '{') {
            return new ByteArrayInputStream(payload);
        }
        int start = byteOrderMarkLength(payload);
        InputStream rest = new ByteArrayInputStream(payload, start, payload.length - start);
        return new SequenceInputStream(new SequenceInputStream(bytes("["), rest), bytes("]"));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static int firstNonBlank(byte[] payload) {
        for (int i = byteOrderMarkLength(payload); i < payload.length; i++) {
            if (!Character.isWhitespace(payload[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int byteOrderMarkLength(byte[] payload) {
        boolean bom = payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF;
        return bom ? 3 : 0;
    }
}

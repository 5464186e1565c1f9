package dev.camelsixtyfour.component.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.model.ResultFormat;

/**
 * Opens the row iterator that matches a result file's format.
 */
public final class RowReaders {

    private RowReaders() {
    }

    /**
     * Rows streamed from {@code input}, which the iterator owns and closes.
     *
     * @param source names the file in error messages (a file name or job id, never a signed URL)
     */
    public static RowIterator open(ResultFormat format, InputStream input, String source, ObjectMapper mapper)
            throws IOException {
        try {
            return switch (format) {
                case csv -> new CsvRowIterator(input, source);
                case json -> new JsonArrayRowIterator(input, source, mapper);
                case ndjson -> new NdjsonRowIterator(input, source, mapper);
            };
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * Rows already in memory (inline results) behind the same interface as streamed ones.
     */
    public static RowIterator of(List<Map<String, Object>> rows) {
        Iterator<Map<String, Object>> delegate = rows.iterator();
        return new RowIterator() {
            private long rowsRead;

            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> row = delegate.next();
                rowsRead++;
                return row;
            }

            @Override
            public long rowsRead() {
                return rowsRead;
            }

            @Override
            public void close() {
                // Inline rows hold no stream.
            }
        };
    }
}

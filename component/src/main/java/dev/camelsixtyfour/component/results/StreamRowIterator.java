package dev.camelsixtyfour.component.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads ahead exactly one row, so {@link #hasNext()} can close the stream the moment the input ends.
 */
abstract class StreamRowIterator implements RowIterator {

    private final InputStream input;
    private final String source;
    private Map<String, Object> next;
    private boolean finished;
    private long rowsRead;

    StreamRowIterator(InputStream input, String source) {
        this.input = input;
        this.source = source;
    }

    /**
     * The next row, or null at the end of the input.
     */
    protected abstract Map<String, Object> readRow() throws IOException;

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            next = readRow();
        } catch (IOException | RuntimeException e) {
            close();
            throw new UncheckedIOException(
                    new IOException("Cannot read row " + (rowsRead + 1) + " of " + source + ": " + e.getMessage(), e));
        }
        if (next == null) {
            close();
            return false;
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in " + source + " after " + rowsRead);
        }
        Map<String, Object> row = next;
        next = null;
        rowsRead++;
        return row;
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        next = null;
        try {
            closeParser();
        } catch (IOException e) {
            // The rows already read are valid; a failure to release the stream changes nothing for the caller.
        } finally {
            closeQuietly(input);
        }
    }

    protected void closeParser() throws IOException {
        // Subclasses whose parser holds resources beyond the input stream release them here.
    }

    protected String source() {
        return source;
    }

    private static void closeQuietly(InputStream input) {
        try {
            input.close();
        } catch (IOException e) {
            // Nothing more can be done with a stream that fails to close.
        }
    }
}

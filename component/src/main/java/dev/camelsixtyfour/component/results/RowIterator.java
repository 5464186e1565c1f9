package dev.camelsixtyfour.component.results;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;

/**
 * Rows of a result file read one at a time from an open stream. The stream is closed when the last row has been
 * read, when reading fails, or when {@link #close()} is called (Camel's streaming split closes a Closeable iterator
 * when it stops early).
 */
public interface RowIterator extends Iterator<Map<String, Object>>, Closeable {

    /**
     * Rows handed out so far.
     */
    long rowsRead();

    @Override
    void close();
}

package dev.camelsixtyfour.app.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import dev.camelsixtyfour.app.format.RowReader;
import dev.camelsixtyfour.app.format.SourceRow;

/**
 * A file's rows in chunks of consecutive rows, so the split hands many rows on per transaction while still holding
 * only one chunk of a file in memory. A failed row ends its chunk, as it ends the file.
 */
public final class RowChunks implements Iterator<List<SourceRow>>, Closeable {

    /** Rows read ahead per chunk: enough to fill a default batch in one transaction, small enough for any file. */
    public static final int ROWS = 500;

    private final RowReader reader;

    public RowChunks(RowReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public List<SourceRow> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No rows left");
        }
        List<SourceRow> chunk = new ArrayList<>();
        while (chunk.size() < ROWS && reader.hasNext()) {
            SourceRow row = reader.next();
            chunk.add(row);
            if (row.failure() != null) {
                break;
            }
        }
        return chunk;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

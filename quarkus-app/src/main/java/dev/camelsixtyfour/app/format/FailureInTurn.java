package dev.camelsixtyfour.app.format;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Hands a file's fatal problem on as one last row instead of throwing it from {@code hasNext}: Camel's streaming
 * split looks one row ahead, and a failure thrown there would drop the good row before it.
 */
final class FailureInTurn implements RowReader {

    private final RowReader rows;
    private MalformedFileException failure;
    private boolean failureHandedOut;

    FailureInTurn(RowReader rows) {
        this.rows = rows;
    }

    @Override
    public List<String> header() {
        return rows.header();
    }

    @Override
    public boolean hasNext() {
        if (failure != null) {
            return !failureHandedOut;
        }
        try {
            return rows.hasNext();
        } catch (MalformedFileException e) {
            failure = e;
            return true;
        }
    }

    @Override
    public SourceRow next() {
        if (failure == null) {
            try {
                return rows.next();
            } catch (MalformedFileException e) {
                failure = e;
            }
        }
        if (failureHandedOut) {
            throw new NoSuchElementException("no rows after the failure of " + failure.fileName());
        }
        failureHandedOut = true;
        return SourceRow.failed(failure);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

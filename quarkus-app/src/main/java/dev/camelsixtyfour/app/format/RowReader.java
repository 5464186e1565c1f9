package dev.camelsixtyfour.app.format;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a file's rows one at a time, so a file of any size needs only one row in memory. A problem that stops the
 * whole file (broken quoting, undecodable bytes) comes back as a last, failed {@link SourceRow} (or, before the
 * first row, as a {@link MalformedFileException} from opening); a problem confined to one row comes back as an
 * unreadable {@link SourceRow}.
 */
public interface RowReader extends Iterator<SourceRow>, Closeable {

    /** The columns every row has, known before the first row (a CSV header); empty when each row names its own. */
    default List<String> header() {
        return List.of();
    }
}

package dev.camelsixtyfour.app.format;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads a file's rows one at a time, so a file of any size needs only one row in memory. A problem that stops the
 * whole file (broken quoting, undecodable bytes) surfaces as a {@link MalformedFileException} from {@code hasNext}
 * or {@code next}; a problem confined to one row comes back as an unreadable {@link SourceRow}.
 */
public interface RowReader extends Iterator<SourceRow>, Closeable {
}

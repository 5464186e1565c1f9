package dev.camelsixtyfour.app.format;

import java.util.Map;

/**
 * One row as read from a source file: where it came from, its values by column, and, when the row could not be
 * read as a row at all, the problem (then {@code values} is empty). The last "row" of a file that cannot be read to
 * its end carries the {@code failure} instead, so the rows before it are handled first.
 */
public record SourceRow(String fileName, long line, Map<String, Object> values, String problem,
                        MalformedFileException failure) {

    public static SourceRow of(String fileName, long line, Map<String, Object> values) {
        return new SourceRow(fileName, line, values, null, null);
    }

    public static SourceRow unreadable(String fileName, long line, String problem) {
        return new SourceRow(fileName, line, Map.of(), problem, null);
    }

    public static SourceRow failed(MalformedFileException failure) {
        return new SourceRow(failure.fileName(), failure.line(), Map.of(), failure.getMessage(), failure);
    }

    public boolean readable() {
        return problem == null;
    }
}

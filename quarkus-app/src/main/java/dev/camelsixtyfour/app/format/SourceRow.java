package dev.camelsixtyfour.app.format;

import java.util.Map;

/**
 * One row as read from a source file: where it came from, its values by column, and, when the row could not be
 * read as a row at all, the problem (then {@code values} is empty).
 */
public record SourceRow(String fileName, long line, Map<String, Object> values, String problem) {

    public static SourceRow of(String fileName, long line, Map<String, Object> values) {
        return new SourceRow(fileName, line, values, null);
    }

    public static SourceRow unreadable(String fileName, long line, String problem) {
        return new SourceRow(fileName, line, Map.of(), problem);
    }

    public boolean readable() {
        return problem == null;
    }
}

package dev.camelsixtyfour.app.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The source files and line ranges a batch holds, kept as text ({@code file<TAB>first<TAB>last} per line) so the
 * stored batch needs no custom type. Rows arrive in file order, so a row either extends the last range or opens one.
 */
public final class SourceRanges {

    private SourceRanges() {
    }

    public record Range(String file, long firstLine, long lastLine) {
    }

    public static String start(String file, long line) {
        return file + "\t" + line + "\t" + line;
    }

    public static String extend(String ranges, String file, long line) {
        int lastBreak = ranges.lastIndexOf('\n');
        String last = ranges.substring(lastBreak + 1);
        String[] parts = last.split("\t");
        if (parts[0].equals(file)) {
            return ranges.substring(0, lastBreak + 1) + parts[0] + "\t" + parts[1] + "\t" + line;
        }
        return ranges + "\n" + start(file, line);
    }

    public static List<Range> parse(String ranges) {
        List<Range> parsed = new ArrayList<>();
        for (String entry : ranges.split("\n")) {
            String[] parts = entry.split("\t");
            parsed.add(new Range(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        return parsed;
    }
}

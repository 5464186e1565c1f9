package dev.camelsixtyfour.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The formats a run's results can be fetched in, and how each renders rows. */
enum ResultFormat {

    CSV("text/csv"),
    JSON("application/json"),
    NDJSON("application/x-ndjson");

    private final String contentType;

    ResultFormat(String contentType) {
        this.contentType = contentType;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    String contentType() {
        return contentType;
    }

    static ResultFormat fromWire(String value) {
        for (ResultFormat format : values()) {
            if (format.wire().equals(value)) {
                return format;
            }
        }
        return null;
    }

    byte[] render(List<Map<String, Object>> rows) {
        return switch (this) {
            case CSV -> csv(rows).getBytes(StandardCharsets.UTF_8);
            case JSON -> Json.bytes(rows);
            case NDJSON -> ndjson(rows).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String ndjson(List<Map<String, Object>> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(Json.text(row)).append('\n'));
        return text.toString();
    }

    /** RFC 4180: a header of every column in order of first appearance, CRLF line ends, quotes where needed. */
    private static String csv(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));

        StringBuilder text = new StringBuilder();
        text.append(String.join(",", columns.stream().map(ResultFormat::csvField).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            text.append(String.join(",", columns.stream().map(column -> csvField(cell(row.get(column)))).toList()))
                    .append("\r\n");
        }
        return text.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Map || value instanceof List ? Json.text(value) : value.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}

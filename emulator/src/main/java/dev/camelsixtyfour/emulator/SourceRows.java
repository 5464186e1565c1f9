package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a run starts from when it brings no {@code webhook_payload}: a webhook source's {@code webhook_input}
 * sample (a string holding JSON) or a read_csv source's CSV text ({@code csv} spec).
 */
final class SourceRows {

    private SourceRows() {
    }

    static List<Map<String, Object>> defaults(WorkflowBlock source) {
        if ("read_csv".equals(source.blockName())) {
            String csv = source.spec("csv");
            return csv == null ? List.of() : parseCsv(csv);
        }
        JsonNode sample = source.specs().get("webhook_input");
        if (sample == null || sample.isNull()) {
            return List.of();
        }
        JsonNode parsed = sample.isTextual() ? Json.parseText(sample.asText()) : sample;
        return rows(parsed);
    }

    /** One object is one row; an array holds one object per row. */
    static List<Map<String, Object>> rows(JsonNode payload) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (payload.isObject()) {
            rows.add(Json.row(payload));
        } else if (payload.isArray()) {
            payload.forEach(item -> rows.add(Json.row(item)));
        }
        return rows;
    }

    /** RFC 4180 with a header line: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<Map<String, Object>> parseCsv(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            return List.of();
        }

        List<String> header = records.get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i).trim(), i < record.size() ? record.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, field);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        endRecord(records, record, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
            records.add(record);
        }
    }
}

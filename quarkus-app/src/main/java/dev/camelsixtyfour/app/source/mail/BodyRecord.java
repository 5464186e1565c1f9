package dev.camelsixtyfour.app.source.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text body read as one record: one {@code key: value} per line, blank lines skipped, a signature (after a line
 * {@code -- }) left out. Any other line refuses the body, naming its line.
 */
final class BodyRecord {

    private static final String SIGNATURE = "-- ";

    private BodyRecord() {
    }

    static Map<String, String> parse(String body) {
        Map<String, String> record = new LinkedHashMap<>();
        String[] lines = body.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.equals(SIGNATURE) || line.equals(SIGNATURE.strip())) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                throw new UnreadableMailException("body line " + (index + 1) + " is not 'key: value'");
            }
            record.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (record.isEmpty()) {
            throw new UnreadableMailException("the body holds no 'key: value' line");
        }
        return record;
    }
}

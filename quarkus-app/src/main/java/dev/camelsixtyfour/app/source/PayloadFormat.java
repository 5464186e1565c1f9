package dev.camelsixtyfour.app.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatType;

/**
 * The format of one payload that does not come from a file: chosen by an HTTP request's Content-Type, or by looking
 * at a queue message's first character. A JSON payload may be one object or an array of objects.
 */
public record PayloadFormat(FormatType type, String delimiter, String charset) implements FormatConfig {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    /**
     * The format a Content-Type names: {@code application/json} (or {@code +json}), {@code application/x-ndjson}
     * (or {@code application/ndjson}, {@code application/jsonl}), or {@code text/csv} (read with the pipeline's
     * delimiter); empty for anything else. A {@code charset} parameter wins over the pipeline's charset.
     */
    public static Optional<PayloadFormat> ofContentType(String contentType, FormatConfig pipelineFormat) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        Optional<String> charset = charsetParameter(parts);
        return switch (mediaType) {
            case "application/json" -> Optional.of(new PayloadFormat(FormatType.JSON, ",", charset.orElse(UTF_8)));
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" ->
                    Optional.of(new PayloadFormat(FormatType.NDJSON, ",", charset.orElse(UTF_8)));
            case "text/csv" -> Optional.of(new PayloadFormat(FormatType.CSV, pipelineFormat.delimiter(),
                    charset.orElse(pipelineFormat.charset())));
            default -> mediaType.endsWith("+json")
                    ? Optional.of(new PayloadFormat(FormatType.JSON, ",", charset.orElse(UTF_8)))
                    : Optional.empty();
        };
    }

    /**
     * A queue message: an array (even a broken one, which then fails as a whole) or a single JSON object is JSON;
     * several objects are NDJSON, read line by line.
     */
    public static PayloadFormat ofMessage(byte[] payload) {
        boolean json = PayloadRows.startsWithArray(payload) || PayloadRows.singleJsonValue(payload);
        FormatType type = json ? FormatType.JSON : FormatType.NDJSON;
        return new PayloadFormat(type, ",", UTF_8);
    }

    private static Optional<String> charsetParameter(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                return Optional.of(parameter[1].strip().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}

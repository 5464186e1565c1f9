package dev.camelsixtyfour.component.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the explanation out of an error answer, in any of the service's three forms: {@code {"detail": "…"}},
 * FastAPI's {@code {"detail": [{"loc": […], "msg": "…"}]}} and the older {@code {"error": "…", "message": "…"}}.
 */
final class ErrorDetails {

    private static final int MAX_TEXT = 500;

    // How the service names a missing column: "webhook_payload[3] (row 4) is missing required column 'email' …".
    private static final Pattern COLUMN = Pattern.compile("column\\s+['\"`]([^'\"`]+)['\"`]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW_INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\brow\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

    private ErrorDetails() {
    }

    /** The explanation, or null when the body holds none. */
    static String read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }

        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            return truncate(new String(body, StandardCharsets.UTF_8).strip());
        }
        JsonNode detail = json.get("detail");
        if (detail != null && detail.isArray()) {
            return validationErrors(detail);
        }
        if (detail != null && !detail.isNull()) {
            return truncate(detail.isTextual() ? detail.asText() : detail.toString());
        }
        return legacyForm(json);
    }

    /** The zero-based row index a missing-column message names ("[3]", or "row 4" counted from 1), or null. */
    static Integer rowOf(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher index = ROW_INDEX.matcher(detail);
        if (index.find()) {
            return Integer.valueOf(index.group(1));
        }
        Matcher number = ROW_NUMBER.matcher(detail);
        return number.find() ? Integer.parseInt(number.group(1)) - 1 : null;
    }

    /** The column a missing-column message names, or null. */
    static String columnOf(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher matcher = COLUMN.matcher(detail);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    /** Replaces every occurrence of the secret, so that a service echoing the key back cannot leak it. */
    static String mask(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return SixtyfourJson.mapper().readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String validationErrors(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : errors) {
            List<String> location = new ArrayList<>();
            error.path("loc").forEach(part -> location.add(part.asText()));
            String message = error.path("msg").asText(error.toString());
            messages.add(location.isEmpty() ? message : String.join(".", location) + ": " + message);
        }
        return truncate(String.join("; ", messages));
    }

    private static String legacyForm(JsonNode json) {
        String error = json.path("error").asText(null);
        String message = json.path("message").asText(null);
        if (error != null && message != null) {
            return truncate(error + ": " + message);
        }
        String either = error != null ? error : message;
        return truncate(either != null ? either : json.toString());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}

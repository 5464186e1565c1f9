package dev.camelsixtyfour.component.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code webhook_payload} of a run: one object (one row) or an array of objects.
 *
 * @param rows     the payload as a JSON tree, used for counting and validating rows
 * @param rawJson  when the exchange carried JSON text, that text exactly as received, sent instead of re-writing
 *                 the tree so that it arrives byte for byte; null otherwise
 * @param rowCount the number of rows
 */
public record WebhookPayload(JsonNode rows, byte[] rawJson, int rowCount) {

    public static WebhookPayload ofTree(JsonNode rows) {
        return new WebhookPayload(rows, null, rows.isArray() ? rows.size() : 1);
    }

    public static WebhookPayload ofRawJson(JsonNode rows, byte[] rawJson) {
        return new WebhookPayload(rows, rawJson, rows.isArray() ? rows.size() : 1);
    }

    public boolean hasRawJson() {
        return rawJson != null;
    }

    @Override
    public String toString() {
        // Payloads may hold personal data: name their shape, never their content.
        return "WebhookPayload[rows=" + rowCount + ", raw=" + hasRawJson() + "]";
    }
}

package dev.camelsixtyfour.component.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.model.InputSchema;
import dev.camelsixtyfour.component.model.WebhookPayload;
import dev.camelsixtyfour.component.model.WorkflowBlock;

/** Checks rows against a workflow's source block before a run is requested, the way the service would. */
final class InputValidator {

    private InputValidator() {
    }

    /** Fails on the first row that misses a required column, or when the workflow cannot take rows at all. */
    static void check(WebhookPayload payload, WorkflowBlock source, String workflowId) {
        if (source == null || payload == null) {
            return;
        }
        if (!source.isWebhook()) {
            throw SixtyfourException.builder("The workflow's source block is " + source.blockName()
                                             + ", which cannot take a webhook payload")
                    .workflowId(workflowId)
                    .build();
        }

        InputSchema schema = source.inputSchema();
        JsonNode rows = payload.rows();
        if (rows.isObject()) {
            checkRow(rows, 0, schema, workflowId);
            return;
        }
        for (int index = 0; index < rows.size(); index++) {
            checkRow(rows.get(index), index, schema, workflowId);
        }
    }

    private static void checkRow(JsonNode row, int index, InputSchema schema, String workflowId) {
        for (String column : schema.requiredColumns()) {
            JsonNode value = row.get(column);
            // Blank text counts as missing, the way the service counts it.
            if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                throw SixtyfourException.builder("Row " + index + " misses the required column '" + column + "'")
                        .workflowId(workflowId)
                        .missingColumn(index, column)
                        .build();
            }
        }
    }
}

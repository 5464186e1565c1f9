package dev.camelsixtyfour.component.model;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything {@code POST /workflows/run} takes.
 *
 * @param workflowId     the workflow to run
 * @param payload        the input rows, or null to run with the workflow's sample payload
 * @param specsOverride  overrides of the source block's specs, or null
 * @param saveJson       also save the results as JSON
 * @param resultFormats  the formats to save results in; empty for the service's default
 * @param idempotencyKey sent as {@code Idempotency-Key}, so that a repeated request returns the first run
 */
public record RunRequest(
        String workflowId,
        WebhookPayload payload,
        JsonNode specsOverride,
        boolean saveJson,
        Set<ResultFormat> resultFormats,
        String idempotencyKey) {

    public RunRequest {
        resultFormats = resultFormats == null ? Set.of() : Set.copyOf(resultFormats);
    }
}

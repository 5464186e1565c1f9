package dev.camelsixtyfour.component.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of one verified delivery: either a finished workflow run (rows inline or behind a download URL) or the
 * outcome of an asynchronous enrichment job.
 *
 * @param kind              which of the two shapes arrived
 * @param eventId           {@code event_id} of a workflow delivery; null for async-job deliveries, which carry it in
 *                          the header only
 * @param eventType         {@code event_type} of a workflow delivery, {@code task_type} of an async-job delivery
 * @param jobId             {@code run_id} or {@code task_id}
 * @param workflowId        {@code workflow_id}; null for async-job deliveries
 * @param status            {@code status}
 * @param rowCount          {@code row_count}; null when not sent
 * @param rows              inline rows; null when they must be downloaded
 * @param downloadUrl       {@code results_download_url}; null when the rows are inline
 * @param result            {@code result} of a completed async job
 * @param error             {@code error} of a failed async job, as text
 */
public record WebhookDelivery(Kind kind, String eventId, String eventType, String jobId, String workflowId,
        String status, Long rowCount, List<Map<String, Object>> rows, String downloadUrl, Object result,
        String error) {

    public enum Kind {
        WORKFLOW_RUN,
        ASYNC_JOB
    }

    /**
     * Reads a delivery body, refusing one that is not JSON or lacks the fields its shape requires.
     */
    public static WebhookDelivery parse(byte[] body, ObjectMapper mapper) throws WebhookRejectedException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw incomplete("the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw incomplete("the body cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw incomplete("the body is not a JSON object");
        }
        return root.hasNonNull("task_id") ? asyncJob(root, mapper) : workflowRun(root, mapper);
    }

    private static WebhookDelivery workflowRun(JsonNode root, ObjectMapper mapper) throws WebhookRejectedException {
        String runId = requiredText(root, "run_id");
        String status = requiredText(root, "status");
        JsonNode results = root.get("results");
        String downloadUrl = text(root, "results_download_url");
        boolean inline = results != null && results.isArray();
        if (!inline && downloadUrl == null) {
            throw incomplete("run " + runId + " has neither a results array nor results_download_url");
        }
        List<Map<String, Object>> rows = inline ? rows(results, mapper) : null;
        Long rowCount = root.hasNonNull("row_count") ? root.get("row_count").asLong() : null;
        return new WebhookDelivery(Kind.WORKFLOW_RUN, text(root, "event_id"), text(root, "event_type"), runId,
                text(root, "workflow_id"), status, rowCount, rows, inline ? null : downloadUrl, null, null);
    }

    private static WebhookDelivery asyncJob(JsonNode root, ObjectMapper mapper) throws WebhookRejectedException {
        String taskId = requiredText(root, "task_id");
        String status = requiredText(root, "status");
        JsonNode result = root.get("result");
        JsonNode error = root.get("error");
        boolean hasResult = result != null && !result.isNull();
        boolean hasError = error != null && !error.isNull();
        if (!hasResult && !hasError) {
            throw incomplete("task " + taskId + " has neither result nor error");
        }
        return new WebhookDelivery(Kind.ASYNC_JOB, null, text(root, "task_type"), taskId, null, status, null, null,
                null, hasResult ? mapper.convertValue(result, Object.class) : null,
                hasError ? (error.isTextual() ? error.asText() : error.toString()) : null);
    }

    private static List<Map<String, Object>> rows(JsonNode results, ObjectMapper mapper)
            throws WebhookRejectedException {
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (int index = 0; index < results.size(); index++) {
            JsonNode row = results.get(index);
            if (!row.isObject()) {
                throw incomplete("results[" + index + "] is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = mapper.convertValue(row, LinkedHashMap.class);
            rows.add(values);
        }
        return rows;
    }

    private static String requiredText(JsonNode root, String field) throws WebhookRejectedException {
        String value = text(root, field);
        if (value == null || value.isBlank()) {
            throw incomplete("field " + field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static WebhookRejectedException incomplete(String detail) {
        return new WebhookRejectedException(WebhookRejection.INCOMPLETE_BODY, detail);
    }
}

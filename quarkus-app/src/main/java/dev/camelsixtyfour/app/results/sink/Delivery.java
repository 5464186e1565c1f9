package dev.camelsixtyfour.app.results.sink;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsixtyfour.app.config.SinkConfig.CallbackFormat;
import dev.camelsixtyfour.app.results.BatchOutcome;

/**
 * One batch's enriched rows on their way to a sink, with the identifiers a receiver dedupes a redelivery by: the
 * batch id (also the Idempotency-Key), the job id and the workflow id.
 *
 * @param outcome the batch's identifiers
 * @param ndjson  the rows, one JSON object per line
 * @param rows    how many rows
 */
public record Delivery(BatchOutcome outcome, String ndjson, int rows) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String BATCH_ID = "Sixtyfour-Batch-Id";
    public static final String JOB_ID = "Sixtyfour-Job-Id";
    public static final String WORKFLOW_ID = "Sixtyfour-Workflow-Id";

    /** The identifiers as HTTP headers. */
    public Map<String, String> httpHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_KEY, outcome.batchId());
        headers.put(BATCH_ID, outcome.batchId());
        headers.put(JOB_ID, String.valueOf(outcome.jobId()));
        headers.put(WORKFLOW_ID, outcome.workflowId());
        return headers;
    }

    /** The identifiers as message properties, whose names must be Java identifiers (JMS, AMQP). */
    public Map<String, Object> messageProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("SixtyfourBatchId", outcome.batchId());
        properties.put("SixtyfourJobId", String.valueOf(outcome.jobId()));
        properties.put("SixtyfourWorkflowId", outcome.workflowId());
        properties.put("SixtyfourRowCount", rows);
        return properties;
    }

    /** The rows as one JSON array. */
    public String jsonArray() {
        return "[" + String.join(",", ndjson.lines().filter(line -> !line.isBlank()).toList()) + "]";
    }

    /** The rows in {@code format}: one JSON array or NDJSON. */
    public String text(CallbackFormat format) {
        return format == CallbackFormat.JSON ? jsonArray() : ndjson;
    }

    public static String contentType(CallbackFormat format) {
        return format == CallbackFormat.JSON ? "application/json" : "application/x-ndjson";
    }

    @Override
    public String toString() {
        // Rows may hold personal data: name the batch, never its content.
        return "Delivery[batch=" + outcome.batchId() + ", job=" + outcome.jobId() + ", rows=" + rows + "]";
    }
}

package dev.camelsixtyfour.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run as {@code GET /workflows/runs} lists it.
 * <p>
 * Known limitation: timestamps stay the strings the service sent, because its formats vary between endpoints.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowRun(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("workflow_name") String workflowName,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("queued_at") String queuedAt,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("status_reason") String statusReason,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("metrics") Map<String, Object> metrics,
        @JsonProperty("blocks_count") Integer blocksCount) {
}

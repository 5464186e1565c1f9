package dev.camelsixtyfour.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /workflows/run}: the run was queued (or, for a repeated idempotency key, had
 * already been started).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStarted(
        @JsonProperty("status") RunStatus status,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("already_started") Boolean alreadyStarted,
        @JsonProperty("cache_config") Map<String, Object> cacheConfig) {

    /** The service sends {@code null} for a fresh run; this reads it as {@code false}. */
    public boolean isAlreadyStarted() {
        return Boolean.TRUE.equals(alreadyStarted);
    }
}

package dev.camelsixtyfour.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST /workflows/cancel}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelResult(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("status") RunStatus status) {
}

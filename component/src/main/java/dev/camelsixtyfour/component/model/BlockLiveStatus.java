package dev.camelsixtyfour.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The progress of one block within a run's live status. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockLiveStatus(
        @JsonProperty("block_id") String blockId,
        @JsonProperty("block_name") String blockName,
        @JsonProperty("sequence_number") Integer sequenceNumber,
        @JsonProperty("status") String status,
        @JsonProperty("progress_percentage") Double progressPercentage,
        @JsonProperty("processed_count") Long processedCount,
        @JsonProperty("total_count") Long totalCount,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("metrics") BlockMetrics metrics) {
}

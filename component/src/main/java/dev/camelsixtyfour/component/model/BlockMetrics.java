package dev.camelsixtyfour.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Row counts of one block. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockMetrics(
        @JsonProperty("row_count") Long rowCount,
        @JsonProperty("dataframe_type") String dataframeType,
        @JsonProperty("processed_count") Long processedCount,
        @JsonProperty("total_count") Long totalCount) {
}

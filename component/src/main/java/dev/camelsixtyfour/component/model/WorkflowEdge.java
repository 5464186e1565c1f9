package dev.camelsixtyfour.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A directed edge between two blocks of a workflow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowEdge(
        @JsonProperty("from_block_id") String fromBlockId,
        @JsonProperty("to_block_id") String toBlockId,
        @JsonProperty("condition") String condition) {
}

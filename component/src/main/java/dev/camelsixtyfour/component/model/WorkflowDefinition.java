package dev.camelsixtyfour.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The block graph of a workflow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowDefinition(
        @JsonProperty("blocks") List<WorkflowBlock> blocks,
        @JsonProperty("edges") List<WorkflowEdge> edges) {
}

package dev.camelsixtyfour.component.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A workflow as {@code GET /workflows} (without definition) and {@code GET /workflows/{id}} (with it) return it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Workflow(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonProperty("org_id") String orgId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("last_run_date") String lastRunDate,
        @JsonProperty("workflow_definition") WorkflowDefinition workflowDefinition) {

    /** The workflow's source block, when the definition was returned and holds one. */
    public Optional<WorkflowBlock> sourceBlock() {
        if (workflowDefinition == null || workflowDefinition.blocks() == null) {
            return Optional.empty();
        }
        return workflowDefinition.blocks().stream().filter(WorkflowBlock::isSource).findFirst();
    }
}

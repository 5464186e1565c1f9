package dev.camelsixtyfour.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The progress of one run, from {@code GET /workflows/runs/{run_id}/live_status}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveStatus(
        @JsonProperty("run_id") String runId,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("overall_status") RunStatus overallStatus,
        @JsonProperty("last_updated") String lastUpdated,
        @JsonProperty("current_block") String currentBlock,
        @JsonProperty("current_block_sequence") Integer currentBlockSequence,
        @JsonProperty("total_blocks") Integer totalBlocks,
        @JsonProperty("completed_blocks") Integer completedBlocks,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("overall_progress_percentage") Double overallProgressPercentage,
        @JsonProperty("blocks") List<BlockLiveStatus> blocks) {
}

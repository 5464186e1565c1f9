package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture workflow: its blocks in execution order and the organisation that owns it.
 * <p>
 * A workflow without {@code org_id} is shared: every configured organisation may run it, each seeing only its own
 * runs. One with {@code org_id} answers 403 to keys of every other organisation.
 */
record Workflow(String id, String name, String description, String orgId, Instant createdAt,
        List<WorkflowBlock> blocks, List<Map<String, String>> edges) {

    boolean isOwnedBy(String callerOrgId) {
        return orgId == null || orgId.equals(callerOrgId);
    }

    WorkflowBlock source() {
        return blocks.get(0);
    }

    /** The blocks of a run, the source block's specs overridden for that run only. */
    List<WorkflowBlock> blocksWithSourceOverride(ObjectNode specsOverride) {
        if (specsOverride == null) {
            return blocks;
        }
        List<WorkflowBlock> overridden = new ArrayList<>(blocks);
        overridden.set(0, source().withSpecsOverride(specsOverride));
        return List.copyOf(overridden);
    }

    boolean hasOutgoingWebhook() {
        return blocks.stream().anyMatch(WorkflowBlock::isOutgoingWebhook);
    }

    /** The {@code WorkflowResponse} shape; the graph only on detail answers, as the service does. */
    Map<String, Object> toResponse(String callerOrgId, boolean withDefinition, Instant lastRunDate) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("user_uuid", null);
        map.put("org_id", orgId == null ? callerOrgId : orgId);
        map.put("name", name);
        map.put("description", description);
        map.put("status", "ready");
        map.put("step", "complete");
        map.put("created_at", createdAt.toString());
        map.put("updated_at", createdAt.toString());
        map.put("last_run_date", lastRunDate == null ? null : lastRunDate.toString());
        map.put("workflow_definition", withDefinition ? definition() : null);
        return map;
    }

    private Map<String, Object> definition() {
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("blocks", blocks.stream().map(WorkflowBlock::toMap).toList());
        graph.put("edges", edges);
        return graph;
    }
}

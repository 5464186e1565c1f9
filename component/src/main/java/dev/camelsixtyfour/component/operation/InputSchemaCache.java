package dev.camelsixtyfour.component.operation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelsixtyfour.component.client.SixtyfourClient;
import dev.camelsixtyfour.component.model.Workflow;
import dev.camelsixtyfour.component.model.WorkflowBlock;

/**
 * The source blocks of workflows, read once per workflow with {@code GET /workflows/{id}} and kept for the life of
 * the endpoint. A failed read is forgotten, so that the next exchange asks again.
 */
public final class InputSchemaCache {

    private final Map<String, CompletableFuture<WorkflowBlock>> sourceBlocks = new ConcurrentHashMap<>();

    /** The workflow's source block; completes with null when the workflow has none. */
    public CompletableFuture<WorkflowBlock> sourceBlockOf(SixtyfourClient client, String workflowId) {
        CompletableFuture<WorkflowBlock> block = sourceBlocks.computeIfAbsent(workflowId,
                id -> client.getWorkflow(id).thenApply(InputSchemaCache::sourceBlock));
        block.whenComplete((ignored, failure) -> {
            if (failure != null) {
                sourceBlocks.remove(workflowId, block);
            }
        });
        return block;
    }

    private static WorkflowBlock sourceBlock(Workflow workflow) {
        return workflow.sourceBlock().orElse(null);
    }
}

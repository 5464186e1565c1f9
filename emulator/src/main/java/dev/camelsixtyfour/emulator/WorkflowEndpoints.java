package dev.camelsixtyfour.emulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** {@code GET /workflows} and {@code GET /workflows/{workflow_id}}: the fixture workflows a caller may see. */
final class WorkflowEndpoints {

    private final Map<String, Workflow> workflows;
    private final RunEngine engine;

    WorkflowEndpoints(Map<String, Workflow> workflows, RunEngine engine) {
        this.workflows = workflows;
        this.engine = engine;
    }

    void list(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        String orgId = exchange.orgId();
        exchange.respondJson(200, workflows.values().stream()
                .filter(workflow -> workflow.isOwnedBy(orgId))
                .map(workflow -> workflow.toResponse(orgId, false, lastRun(workflow, orgId)))
                .toList());
    }

    void get(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        String workflowId = Params.requireUuid(pathParams.get("workflow_id"), "path", "workflow_id");
        Workflow workflow = workflows.get(workflowId);
        if (workflow == null) {
            throw ApiException.detail(404, "Workflow " + workflowId + " not found");
        }
        if (!workflow.isOwnedBy(exchange.orgId())) {
            throw ApiException.detail(403, "You do not have access to workflow " + workflowId);
        }
        exchange.respondJson(200, workflow.toResponse(exchange.orgId(), true, lastRun(workflow, exchange.orgId())));
    }

    private Instant lastRun(Workflow workflow, String orgId) {
        return engine.list(orgId).stream().filter(run -> run.workflow().id().equals(workflow.id()))
                .map(Run::queuedAt).findFirst().orElse(null);
    }
}

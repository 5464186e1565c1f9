package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelsixtyfour.emulator.ApiException.ValidationError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /workflows/run}, {@code /workflows/runs…} and {@code /workflows/cancel}: starting and following runs. */
final class WorkflowRunEndpoints {

    private final Map<String, Workflow> workflows;
    private final RunEngine engine;
    private final IdempotencyKeys idempotencyKeys;
    private final ResultLinks links;
    private final Clock clock;

    WorkflowRunEndpoints(Map<String, Workflow> workflows, RunEngine engine, IdempotencyKeys idempotencyKeys,
            ResultLinks links, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
        this.engine = engine;
        this.idempotencyKeys = idempotencyKeys;
        this.links = links;
    }

    /** {@code POST /workflows/run}: the seven rules of the contract, then a queued run. */
    void run(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        String workflowId = Params.requireQuery(exchange, "workflow_id");
        boolean saveJson = Params.queryBoolean(exchange, "save_json", false);
        Set<ResultFormat> formats = resultFormats(exchange);
        Workflow workflow = accessibleWorkflow(workflowId, exchange.orgId());

        // A repeated key answers with its first run before the body is even read: a new body changes nothing.
        String idempotencyKey = exchange.header("Idempotency-Key");
        String existing = idempotencyKey == null ? null : idempotencyKeys.find(exchange.apiKey(), idempotencyKey);
        if (existing != null) {
            exchange.respondJson(200, alreadyStarted(existing));
            return;
        }

        RunBody body = RunBody.parse(exchange.body());
        List<WorkflowBlock> blocks = workflow.blocksWithSourceOverride(body.specsOverride());
        List<Map<String, Object>> rows = body.payloadRows() == null ? SourceRows.defaults(blocks.get(0))
                : payloadRows(exchange, workflow, blocks.get(0), body.payloadRows());
        checkRequiredColumns(blocks.get(0), rows, body.payloadRows() == null ? "webhook_input" : "webhook_payload");

        Supplier<String> start = () -> engine.start(exchange.orgId(), workflow, blocks, rows, saveJson, formats);
        IdempotencyKeys.Claim claim = idempotencyKey == null ? new IdempotencyKeys.Claim(start.get(), true)
                : idempotencyKeys.claim(exchange.apiKey(), idempotencyKey, start);
        exchange.respondJson(200, claim.started() ? started(workflow, claim.jobId()) : alreadyStarted(claim.jobId()));
    }

    /** {@code GET /workflows/runs}: the caller's runs, newest first, filtered. */
    void list(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        int limit = Params.queryInt(exchange, "limit", 100, 1, 500);
        String status = exchange.queryParam("status");
        String workflowId = exchange.queryParam("workflow_id");

        List<Map<String, Object>> items = engine.list(exchange.orgId()).stream()
                .filter(run -> workflowId == null || run.workflow().id().equals(workflowId))
                .filter(run -> status == null || matches(run.status(), status))
                .limit(limit)
                .map(Run::toListItem)
                .toList();
        exchange.respondJson(200, items);
    }

    /** {@code GET /workflows/runs/{run_id}/live_status}. */
    void liveStatus(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        Run run = ownRun(Params.requireUuid(pathParams.get("run_id"), "path", "run_id"), exchange);
        exchange.respondJson(200, run.toLiveStatus(clock.instant()));
    }

    /** {@code POST /workflows/cancel?job_id=}: 409 once the run has finished. */
    void cancel(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        String jobId = exchange.queryParam("job_id");
        if (jobId == null) {
            jobId = jobIdFromBody(exchange.body());
        }
        if (jobId == null) {
            throw ApiException.validation(ValidationError.missing("query", "job_id"));
        }

        Run run = ownRun(jobId, exchange);
        if (!run.cancel(clock.instant())) {
            throw ApiException.detail(409, "Run " + jobId + " already " + run.status().wire()
                    + "; only queued or running runs can be cancelled");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("status", RunStatus.CANCELLED.wire());
        exchange.respondJson(200, body);
    }

    /** {@code GET /workflows/runs/{run_id}/results/download-links?format=}. */
    void downloadLinks(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        String runId = Params.requireUuid(pathParams.get("run_id"), "path", "run_id");
        String formatName = exchange.queryParam("format") == null ? "csv" : exchange.queryParam("format");
        ResultFormat format = ResultFormat.fromWire(formatName);
        if (format == null) {
            throw ApiException.detail(400, "Unsupported format '" + formatName + "'; use csv, json or ndjson");
        }

        Run run = ownRun(runId, exchange);
        if (format == ResultFormat.JSON && !run.offers(format)) {
            throw ApiException.detail(400, "JSON results exist only for runs started with save_json=true");
        }
        if (!run.offers(format)) {
            throw ApiException.detail(400, "Run " + runId + " was not started with result_formats=" + format.wire());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        run.files().forEach(file -> items.add(links.describe(run.jobId(), file, format)));
        exchange.respondJson(200, items);
    }

    private Workflow accessibleWorkflow(String workflowId, String orgId) {
        Workflow workflow = workflows.get(workflowId);
        if (workflow == null) {
            throw ApiException.detail(404, "Workflow " + workflowId + " not found");
        }
        if (!workflow.isOwnedBy(orgId)) {
            throw ApiException.detail(403, "You do not have access to workflow " + workflowId);
        }
        return workflow;
    }

    private Run ownRun(String jobId, ApiExchange exchange) {
        Run run = engine.find(jobId, exchange.orgId());
        if (run == null) {
            throw ApiException.detail(404, "Run " + jobId + " not found");
        }
        return run;
    }

    private static List<Map<String, Object>> payloadRows(ApiExchange exchange, Workflow workflow,
            WorkflowBlock source, List<Map<String, Object>> payloadRows) {
        if (ApiKeys.bearerToken(exchange) != null) {
            throw ApiException.detail(400, "Runs with webhook_payload accept API key authentication only "
                    + "(x-api-key); a bearer token is not allowed here");
        }
        if ("read_csv".equals(source.blockName())) {
            throw ApiException.detail(400, "Workflow " + workflow.id() + " starts with a read_csv block and "
                    + "cannot take webhook_payload");
        }
        if (!"webhook".equals(source.blockName())) {
            throw ApiException.detail(400, "Workflow " + workflow.id() + " starts with a '" + source.blockName()
                    + "' block; webhook_payload needs a webhook source block");
        }
        return payloadRows;
    }

    // Known limitation: only required columns are checked; a value of another type than its field schema names
    // (a text where "number" is declared) is accepted, because the contract does not say how the service answers.
    private static void checkRequiredColumns(WorkflowBlock source, List<Map<String, Object>> rows, String field) {
        List<String> required = source.requiredColumns();
        for (int i = 0; i < rows.size(); i++) {
            for (String column : required) {
                Object value = rows.get(i).get(column);
                if (value == null || value.toString().isBlank()) {
                    throw ApiException.detail(400, field + "[" + i + "] (row " + (i + 1) + ") is missing required "
                            + "column '" + column + "' of the webhook block's input_schema");
                }
            }
        }
    }

    private static Set<ResultFormat> resultFormats(ApiExchange exchange) {
        Set<ResultFormat> formats = EnumSet.noneOf(ResultFormat.class);
        List<String> values = exchange.queryParams("result_formats");
        for (int i = 0; i < values.size(); i++) {
            ResultFormat format = ResultFormat.fromWire(values.get(i));
            if (format == null) {
                throw ApiException.validation(ValidationError.of("enum", "Input should be 'csv', 'json' or 'ndjson'",
                        values.get(i), "query", "result_formats", i).withContext(Map.of("expected",
                        "'csv', 'json' or 'ndjson'")));
            }
            formats.add(format);
        }
        return formats;
    }

    private static boolean matches(RunStatus status, String filter) {
        if ("active".equals(filter)) {
            return status.isActive();
        }
        return status.wire().equals("canceled".equals(filter) ? "cancelled" : filter);
    }

    private Map<String, Object> alreadyStarted(String jobId) {
        Run run = engine.get(jobId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", run == null ? RunStatus.QUEUED.wire() : run.status().wire());
        body.put("workflow_id", run == null ? null : run.workflow().id());
        body.put("job_id", jobId);
        body.put("already_started", true);
        return body;
    }

    private static Map<String, Object> started(Workflow workflow, String jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", RunStatus.QUEUED.wire());
        body.put("workflow_id", workflow.id());
        body.put("job_id", jobId);
        body.put("already_started", null);
        return body;
    }

    private static String jobIdFromBody(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.parse(body);
            return node.hasNonNull("job_id") ? node.get("job_id").asText() : null;
        } catch (IOException e) {
            throw ApiException.detail(400, "Request body is not valid JSON: " + RunBody.firstLine(e.getMessage()));
        }
    }

    /**
     * The optional body of {@code /workflows/run}, checked against its schema. Read into plain maps and lists rather
     * than a tree: rows go straight into the run, which keeps a large payload cheap.
     */
    record RunBody(List<Map<String, Object>> payloadRows, ObjectNode specsOverride) {

        static RunBody parse(byte[] bytes) {
            if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                return new RunBody(null, null);
            }

            Object root;
            try {
                root = Json.MAPPER.readValue(bytes, Object.class);
            } catch (IOException e) {
                throw ApiException.detail(400, "Request body is not valid JSON: " + firstLine(e.getMessage()));
            }
            if (root == null) {
                return new RunBody(null, null);
            }
            if (!(root instanceof Map<?, ?> fields)) {
                throw ApiException.validation(ValidationError.of("model_attributes_type",
                        "Input should be a valid dictionary or object to extract fields from", root, "body"));
            }
            return new RunBody(payload(fields.get("webhook_payload")), specsOverride(fields.get("specs_override")));
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> payload(Object payload) {
            if (payload == null) {
                return null;
            }
            if (payload instanceof Map<?, ?> row) {
                List<Map<String, Object>> rows = new ArrayList<>();
                rows.add((Map<String, Object>) row);
                return rows;
            }
            if (!(payload instanceof List<?> items)) {
                throw ApiException.validation(ValidationError.of("list_type", "Input should be a valid list or "
                        + "a valid dictionary", payload, "body", "webhook_payload"));
            }
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map)) {
                    throw ApiException.validation(ValidationError.of("dict_type", "Input should be a valid "
                            + "dictionary", items.get(i), "body", "webhook_payload", i));
                }
            }
            return (List<Map<String, Object>>) items;
        }

        private static ObjectNode specsOverride(Object specs) {
            if (specs == null) {
                return null;
            }
            if (!(specs instanceof Map)) {
                throw ApiException.validation(ValidationError.of("dict_type", "Input should be a valid dictionary",
                        specs, "body", "specs_override"));
            }
            return (ObjectNode) Json.tree(specs);
        }

        private static String firstLine(String message) {
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
    }
}

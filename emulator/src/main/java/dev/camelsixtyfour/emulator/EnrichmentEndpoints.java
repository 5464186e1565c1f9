package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelsixtyfour.emulator.ApiException.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment family: {@code /find-email}, {@code /find-phone}, {@code /enrich-company}, {@code /enrich-lead} and
 * the bulk {@code /find-email-bulk}, {@code /find-phone-bulk} (up to 100 leads), answered at once. Their
 * {@code -async} forms become tasks (pending, processing, then completed or failed, one step each), followed through
 * {@code GET /job-status/{task_id}} and, when a {@code webhook_url} is given, pushed to it.
 */
final class EnrichmentEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentEndpoints.class);

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Duration stepDuration;
    private final WebhookDispatcher dispatcher;

    EnrichmentEndpoints(ScheduledExecutorService scheduler, Duration stepDuration, WebhookDispatcher dispatcher) {
        this.scheduler = scheduler;
        this.stepDuration = stepDuration;
        this.dispatcher = dispatcher;
    }

    void sync(EnrichmentTask type, ApiExchange exchange) throws IOException {
        JsonNode request = validRequest(type, exchange.body());
        try {
            exchange.respondJson(200, type.perform(request));
        } catch (IllegalArgumentException e) {
            throw ApiException.detail(400, e.getMessage());
        }
    }

    void async(EnrichmentTask type, ApiExchange exchange) throws IOException {
        JsonNode request = validRequest(type, exchange.body());
        URI webhook = webhookUrl(request);
        Task task = new Task(UUID.randomUUID().toString(), exchange.orgId(), type, request, webhook);
        tasks.put(task.taskId, task);
        LOG.debug("Task {} ({}) accepted", task.taskId, type.taskType());
        schedule(task);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", task.taskId);
        body.put("status", "pending");
        exchange.respondJson(200, body);
    }

    /** {@code GET /job-status/{task_id}}. */
    void status(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        Task task = tasks.get(pathParams.get("task_id"));
        if (task == null || !task.orgId.equals(exchange.orgId())) {
            throw ApiException.detail(404, "Job " + pathParams.get("task_id") + " not found");
        }
        exchange.respondJson(200, task.statusBody(false));
    }

    void clear() {
        tasks.clear();
    }

    private void schedule(Task task) {
        scheduler.schedule(() -> step(task), stepDuration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void step(Task task) {
        if (tasks.get(task.taskId) != task) {
            return;
        }
        if (task.advance()) {
            schedule(task);
            return;
        }
        LOG.debug("Task {} {}", task.taskId, task.status);
        if (task.webhook != null) {
            Map<String, Object> body = task.statusBody(true);
            dispatcher.deliver(task.webhook, UUID.randomUUID().toString(), task.type.taskType(), Json.bytes(body),
                    Duration.ofSeconds(10));
        }
    }

    private static JsonNode validRequest(EnrichmentTask type, byte[] body) {
        JsonNode request;
        try {
            request = body.length == 0 ? null : Json.parse(body);
        } catch (IOException e) {
            throw ApiException.validation(ValidationError.of("json_invalid", "JSON decode error", null, "body", 0));
        }
        if (request == null || !request.isObject()) {
            throw ApiException.validation(ValidationError.missing("body"));
        }
        for (String field : type.requiredFields()) {
            if (!request.hasNonNull(field)) {
                throw ApiException.validation(ValidationError.missing("body", field));
            }
            if (type.isBulk()) {
                checkLeadList(request.get(field), field);
            } else if (!request.get(field).isObject()) {
                throw ApiException.validation(ValidationError.of("dict_type", "Input should be a valid dictionary",
                        request.get(field), "body", field));
            }
        }
        return request;
    }

    private static void checkLeadList(JsonNode leads, String field) {
        if (!leads.isArray()) {
            throw ApiException.validation(ValidationError.of("list_type", "Input should be a valid list", leads,
                    "body", field));
        }
        if (leads.size() > EnrichmentTask.MAX_BULK_LEADS) {
            throw ApiException.validation(ValidationError.of("too_long", "List should have at most "
                    + EnrichmentTask.MAX_BULK_LEADS + " items after validation, not " + leads.size(), null,
                    "body", field).withContext(Map.of("field_type", "List", "max_length",
                    EnrichmentTask.MAX_BULK_LEADS, "actual_length", leads.size())));
        }
        for (int i = 0; i < leads.size(); i++) {
            if (!leads.get(i).isObject()) {
                throw ApiException.validation(ValidationError.of("dict_type", "Input should be a valid dictionary",
                        leads.get(i), "body", field, i));
            }
        }
    }

    private static URI webhookUrl(JsonNode request) {
        JsonNode url = request.get("webhook_url");
        if (url == null || url.isNull()) {
            return null;
        }
        try {
            URI uri = new URI(url.asText());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url.asText(), "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.validation(ValidationError.of("url_parsing", "Input should be a valid URL",
                    url.asText(), "body", "webhook_url"));
        }
    }

    /** One async task; guarded by its own monitor. */
    private static final class Task {
        private final String taskId;
        private final String orgId;
        private final EnrichmentTask type;
        private final JsonNode request;
        private final URI webhook;
        private String status = "pending";
        private Map<String, Object> result;
        private String error;

        Task(String taskId, String orgId, EnrichmentTask type, JsonNode request, URI webhook) {
            this.taskId = taskId;
            this.orgId = orgId;
            this.type = type;
            this.request = request;
            this.webhook = webhook;
        }

        /** Moves one status on; true while more steps follow. */
        synchronized boolean advance() {
            if ("pending".equals(status)) {
                status = "processing";
                return true;
            }
            try {
                result = type.perform(request);
                status = "completed";
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
                status = "failed";
            }
            return false;
        }

        synchronized Map<String, Object> statusBody(boolean withType) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("task_id", taskId);
            body.put("status", status);
            if (withType) {
                body.put("task_type", type.taskType());
            }
            if (result != null) {
                body.put("result", result);
            }
            if (error != null) {
                body.put("error", error);
            }
            return body;
        }
    }
}

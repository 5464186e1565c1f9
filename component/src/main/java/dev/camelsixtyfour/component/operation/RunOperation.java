package dev.camelsixtyfour.component.operation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelsixtyfour.component.SixtyfourConfiguration;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.SixtyfourJson;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.model.RunRequest;
import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.component.model.WebhookPayload;
import dev.camelsixtyfour.component.payload.WebhookPayloads;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one run of the endpoint's workflow with the exchange body as its webhook payload, and tells the route
 * what happened through the {@code CamelSixtyfour…} headers and the run-started response.
 */
final class RunOperation implements OperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RunOperation.class);

    private final SixtyfourEndpoint endpoint;
    private final SixtyfourConfiguration config;
    private final JsonNode specsOverride;
    private final Set<ResultFormat> resultFormats;

    RunOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.specsOverride = config.getSpecsOverride() == null
                ? null : specsObject(config.getSpecsOverride(), "the specsOverride option");
        this.resultFormats = parseResultFormats(config.getResultFormats());
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        String workflowId = config.getId();
        if (workflowId == null || workflowId.isBlank()) {
            throw SixtyfourException.builder("The run operation needs the id option (the workflow id) on "
                                             + endpoint.getKind() + " endpoints")
                    .build();
        }
        WebhookPayload payload = WebhookPayloads.fromExchange(exchange, workflowId, config.isAllowEmptyPayload());
        RunRequest request = new RunRequest(workflowId, payload, specsOverrideOf(exchange), config.isSaveJson(),
                resultFormats, idempotencyKeyOf(exchange, workflowId));
        LOG.debug("Exchange {}: starting a run of workflow {} with {} rows", exchange.getExchangeId(), workflowId,
                payload.rowCount());

        return validated(request)
                .thenCompose(valid -> endpoint.getClient().startRun(valid))
                .thenAccept(started -> complete(exchange, started, payload));
    }

    private CompletableFuture<RunRequest> validated(RunRequest request) {
        if (!config.isValidateInput()) {
            return CompletableFuture.completedFuture(request);
        }
        return endpoint.getInputSchemas().sourceBlockOf(endpoint.getClient(), request.workflowId())
                .thenApply(source -> {
                    InputValidator.check(request.payload(), source, request.workflowId());
                    return request;
                });
    }

    private void complete(Exchange exchange, RunStarted started, WebhookPayload payload) {
        LOG.debug("Exchange {}: workflow {} run {} is {}{}", exchange.getExchangeId(), started.workflowId(),
                started.jobId(), started.status(), started.isAlreadyStarted() ? " (already started)" : "");

        Message message = exchange.getMessage();
        message.setHeader(SixtyfourConstants.JOB_ID, started.jobId());
        message.setHeader(SixtyfourConstants.WORKFLOW_ID, started.workflowId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, started.status());
        message.setHeader(SixtyfourConstants.ALREADY_STARTED, started.isAlreadyStarted());
        message.setHeader(SixtyfourConstants.ROW_COUNT, payload.rowCount());
        if (!config.isKeepBody()) {
            message.setBody(started);
        }
    }

    /**
     * The caller's key, else one derived from the exchange id: it survives Camel's redelivery, so a redelivered
     * exchange can never start a second run. The workflow id is part of it so that one exchange sent to two
     * workflows still starts a run of each.
     */
    static String idempotencyKeyOf(Exchange exchange, String workflowId) {
        String key = exchange.getMessage().getHeader(SixtyfourConstants.IDEMPOTENCY_KEY, String.class);
        return key == null || key.isBlank() ? exchange.getExchangeId() + ":" + workflowId : key;
    }

    private JsonNode specsOverrideOf(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(SixtyfourConstants.SPECS_OVERRIDE);
        if (header == null) {
            return specsOverride;
        }
        if (header instanceof CharSequence text) {
            return specsObject(text.toString(), "the " + SixtyfourConstants.SPECS_OVERRIDE + " header");
        }
        if (header instanceof Map<?, ?> || header instanceof JsonNode) {
            return SixtyfourJson.mapper().valueToTree(header);
        }
        throw SixtyfourException.builder("The " + SixtyfourConstants.SPECS_OVERRIDE + " header is a "
                                         + header.getClass().getName() + "; expected a Map or a JSON object as text")
                .workflowId(config.getId())
                .build();
    }

    private JsonNode specsObject(String json, String source) {
        try {
            JsonNode specs = SixtyfourJson.mapper().readTree(json);
            if (specs == null || !specs.isObject()) {
                throw SixtyfourException.builder(source + " must be a JSON object").workflowId(config.getId()).build();
            }
            return specs;
        } catch (JsonProcessingException e) {
            throw SixtyfourException.builder(source + " is not valid JSON")
                    .workflowId(config.getId())
                    .detail(e.getOriginalMessage())
                    .cause(e)
                    .build();
        }
    }

    private static Set<ResultFormat> parseResultFormats(String formats) {
        Set<ResultFormat> parsed = EnumSet.noneOf(ResultFormat.class);
        if (formats == null || formats.isBlank()) {
            return parsed;
        }
        for (String format : formats.split(",")) {
            if (format.isBlank()) {
                continue;
            }
            try {
                parsed.add(ResultFormat.fromValue(format));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The resultFormats option: " + e.getMessage(), e);
            }
        }
        return parsed;
    }
}

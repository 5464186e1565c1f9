package dev.camelsixtyfour.app.mapping;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads which columns a workflow requires from its definition ({@code GET /workflows/{id}}): the webhook source
 * block's {@code input_schema}, where a field is required only when its schema says {@code "required": true}.
 */
public final class InputSchemaClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUri;
    private final String apiKey;

    public InputSchemaClient(String baseUri, String apiKey) {
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.apiKey = apiKey;
    }

    public Set<String> requiredColumns(String workflowId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/workflows/" + workflowId))
                .header("x-api-key", apiKey)
                .header("Accept", "application/json")
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = send(request, workflowId);
        if (response.statusCode() != 200) {
            throw new WorkflowUnavailableException("GET /workflows/" + workflowId + " answered "
                    + response.statusCode() + detailIn(response.body()) + configurationHint(response.statusCode()),
                    response.statusCode(), null);
        }
        return requiredIn(readTree(response.body(), workflowId));
    }

    private HttpResponse<String> send(HttpRequest request, String workflowId) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WorkflowUnavailableException("API at " + baseUri + " unreachable: " + why(e), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowUnavailableException("interrupted while reading workflow " + workflowId, 0, e);
        }
    }

    /** The service's own explanation ({@code {"detail": "..."}}), or nothing when the body carries none. */
    private String detailIn(String body) {
        try {
            JsonNode detail = mapper.readTree(body).path("detail");
            return detail.isMissingNode() || detail.isNull() ? ""
                    : ": " + (detail.isTextual() ? detail.asText() : detail.toString());
        } catch (IOException e) {
            return "";
        }
    }

    private static String configurationHint(int status) {
        return switch (status) {
            case 401, 403 -> " (a configuration problem: check the API key, sixtyfour.api.key / SIXTYFOUR_API_KEY)";
            case 404 -> " (a configuration problem: check the pipeline's workflow-id and the API base URI)";
            default -> "";
        };
    }

    /** The transport failure in an operator's words (the JDK's connect failures often carry no message). */
    private static String why(IOException failure) {
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + "s";
        }
        if (failure.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private JsonNode readTree(String body, String workflowId) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new WorkflowUnavailableException("workflow " + workflowId + " came back as invalid JSON", 200, e);
        }
    }

    private static Set<String> requiredIn(JsonNode workflow) {
        Set<String> required = new TreeSet<>();
        for (JsonNode block : workflow.path("workflow_definition").path("blocks")) {
            if ("webhook".equals(block.path("block_name").asText())) {
                Iterator<Map.Entry<String, JsonNode>> fields = block.path("specs").path("input_schema").fields();
                fields.forEachRemaining(field -> {
                    if (field.getValue().path("required").asBoolean(false)) {
                        required.add(field.getKey());
                    }
                });
            }
        }
        return required;
    }

    /** The workflow definition could not be read; {@code status} is 0 when the API was not reached at all. */
    public static final class WorkflowUnavailableException extends RuntimeException {

        private final int status;

        WorkflowUnavailableException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 401/403/404 will not heal by waiting; anything else (unreachable, 429, 5xx) may. */
        public boolean passing() {
            return status != 401 && status != 403 && status != 404;
        }
    }
}

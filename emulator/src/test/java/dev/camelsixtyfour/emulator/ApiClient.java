package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests: JSON in, status and JSON out, the API key sent unless told otherwise. */
final class ApiClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiClient(URI baseUri, String apiKey) {
        this.baseUri = baseUri;
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
    }

    static ApiClient of(SixtyfourEmulator emulator) {
        return new ApiClient(emulator.baseUri(), EmulatorDefaults.DEFAULT_API_KEY);
    }

    ApiClient withHeader(String name, String value) {
        ApiClient copy = new ApiClient(baseUri, null);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    ApiClient withoutApiKey() {
        ApiClient copy = new ApiClient(baseUri, null);
        copy.headers.putAll(headers);
        copy.headers.remove("x-api-key");
        return copy;
    }

    Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Response post(String pathAndQuery, Object body) {
        String text = body instanceof String string ? string : json(body);
        return send(request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    Response postBytes(String pathAndQuery, byte[] body) {
        return send(request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Starts a run with rows and returns its job id, failing unless the emulator answered 200. */
    String startRun(String workflowId, Object rows) {
        Response response = post("/workflows/run?workflow_id=" + workflowId, Map.of("webhook_payload", rows));
        if (response.status() != 200) {
            throw new AssertionError("Run of " + workflowId + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.json().get("job_id").asText();
    }

    JsonNode liveStatus(String jobId) {
        return get("/workflows/runs/" + jobId + "/live_status").json();
    }

    String overallStatus(String jobId) {
        return liveStatus(jobId).get("overall_status").asText();
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: status, raw body, headers. */
    record Response(int status, String body, Map<String, List<String>> headers) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        String detail() {
            return json().get("detail").asText();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }
}

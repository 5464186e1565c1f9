package dev.camelsixtyfour.component.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.RetryingSender.Answer;
import dev.camelsixtyfour.component.model.CancelResult;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.ResultFile;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.model.RunRequest;
import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.component.model.RunsQuery;
import dev.camelsixtyfour.component.model.Workflow;
import dev.camelsixtyfour.component.model.WorkflowRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sixtyfour API on the JDK {@link HttpClient}. Every call is asynchronous end to end: requests go out with
 * {@code sendAsync}, and waits (retry backoff, Retry-After, the rate limit) are scheduled, never slept.
 */
public class HttpSixtyfourClient implements SixtyfourClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSixtyfourClient.class);

    // Known limitation: -Djdk.httpclient.HttpClient.log=headers makes the JDK print this header with the key in it.
    static final String API_KEY_HEADER = "x-api-key";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private static final TypeReference<List<Workflow>> WORKFLOWS = new TypeReference<>() {
    };
    private static final TypeReference<List<WorkflowRun>> RUNS = new TypeReference<>() {
    };
    private static final TypeReference<List<ResultFile>> RESULT_FILES = new TypeReference<>() {
    };

    private final ClientSettings settings;
    private final HttpClient http;
    private final RetryingSender sender;

    /**
     * @param completions the executor on which answers are read and the callers' continuations run (the endpoint's
     *                    worker pool); the JDK client's own short steps run on its selector thread instead
     */
    public HttpSixtyfourClient(ClientSettings settings, Executor completions, ScheduledExecutorService scheduler,
                               RequestRateLimiter rateLimiter) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(versionFor(settings.baseUri()))
                .connectTimeout(settings.connectTimeout())
                // Measured: giving the client's internal steps to a pool costs several thread hops per request;
                // answers are handed to the completions executor once, in RetryingSender.
                .executor(Runnable::run)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.sender = new RetryingSender(http, settings, completions, scheduler, rateLimiter);
    }

    /**
     * HTTP/2 where TLS negotiates it; plain HTTP/1.1 otherwise, because a cleartext HTTP/2 upgrade attempt on every
     * new connection only costs time against servers (emulators, proxies) that never accept it.
     */
    private static HttpClient.Version versionFor(URI baseUri) {
        return "https".equalsIgnoreCase(baseUri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    @Override
    public CompletableFuture<RunStarted> startRun(RunRequest request) {
        URI uri = uri("/workflows/run", runQuery(request));
        byte[] body = RunRequestWriter.write(request);
        if (LOG.isTraceEnabled()) {
            LOG.trace("POST /workflows/run for workflow {}: {}", request.workflowId(),
                    ErrorDetails.mask(new String(body, StandardCharsets.UTF_8), settings.apiKey()));
        }
        HttpRequest.Builder builder = apiRequest(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (request.idempotencyKey() != null) {
            builder.header(IDEMPOTENCY_KEY_HEADER, request.idempotencyKey());
        }
        return call(builder.build(), request.workflowId(), new TypeReference<RunStarted>() {
        });
    }

    @Override
    public CompletableFuture<Workflow> getWorkflow(String workflowId) {
        HttpRequest request = apiRequest(uri("/workflows/" + pathSegment(workflowId), null)).GET().build();
        return call(request, workflowId, new TypeReference<Workflow>() {
        });
    }

    @Override
    public CompletableFuture<List<Workflow>> listWorkflows() {
        return call(apiRequest(uri("/workflows", null)).GET().build(), null, WORKFLOWS);
    }

    @Override
    public CompletableFuture<LiveStatus> liveStatus(String runId) {
        URI uri = uri("/workflows/runs/" + pathSegment(runId) + "/live_status", null);
        return call(apiRequest(uri).GET().build(), null, new TypeReference<LiveStatus>() {
        });
    }

    @Override
    public CompletableFuture<List<WorkflowRun>> listRuns(RunsQuery query) {
        StringJoiner params = new StringJoiner("&");
        addParam(params, "status", query.status());
        addParam(params, "workflow_id", query.workflowId());
        addParam(params, "limit", query.limit() == null ? null : query.limit().toString());
        return call(apiRequest(uri("/workflows/runs", params.toString())).GET().build(), query.workflowId(), RUNS);
    }

    @Override
    public CompletableFuture<CancelResult> cancel(String jobId) {
        StringJoiner params = new StringJoiner("&");
        addParam(params, "job_id", jobId);
        HttpRequest request = apiRequest(uri("/workflows/cancel", params.toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return call(request, null, new TypeReference<CancelResult>() {
        });
    }

    @Override
    public CompletableFuture<List<ResultFile>> downloadLinks(String runId, ResultFormat format) {
        StringJoiner params = new StringJoiner("&");
        addParam(params, "format", format == null ? null : format.value());
        URI uri = uri("/workflows/runs/" + pathSegment(runId) + "/results/download-links", params.toString());
        return call(apiRequest(uri).GET().build(), null, RESULT_FILES);
    }

    @Override
    public CompletableFuture<InputStream> download(URI signedUrl) {
        // A signed URL carries its own authorisation; the API key must not travel to the storage host.
        HttpRequest request = HttpRequest.newBuilder(signedUrl).timeout(settings.requestTimeout()).GET().build();
        return sender.send(request, null, info -> info.statusCode() < 300
                ? BodySubscribers.mapping(BodySubscribers.ofInputStream(), ResponseBody::ofStream)
                : BodySubscribers.mapping(BodySubscribers.ofByteArray(), ResponseBody::ofBytes))
                .thenApply(response -> response.body().stream());
    }

    @Override
    public void close() {
        sender.close();
        // Known limitation: the JDK 17 HttpClient has no close(); its idle connections and its selector thread end
        // when the client is no longer referenced.
        LOG.debug("Sixtyfour client for {} closed", settings.baseUri());
    }

    private <T> CompletableFuture<T> call(HttpRequest request, String workflowId, TypeReference<T> type) {
        return sender.send(request, workflowId, info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(),
                        ResponseBody::ofBytes))
                .thenApply(response -> read(response, workflowId, type));
    }

    private <T> T read(Answer response, String workflowId, TypeReference<T> type) {
        byte[] body = response.body().bytes();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} answered {}: {}", response.request().method(), response.request().uri().getPath(),
                    response.statusCode(), ErrorDetails.mask(new String(body, StandardCharsets.UTF_8),
                            settings.apiKey()));
        }
        try {
            return SixtyfourJson.mapper().readValue(body, type);
        } catch (IOException e) {
            String call = response.request().method() + " " + response.request().uri().getPath();
            throw SixtyfourException.builder("Sixtyfour answered " + call + " with a body this client cannot read")
                    .workflowId(workflowId)
                    .status(response.statusCode(), null)
                    .detail(e.getMessage())
                    .cause(e)
                    .build();
        }
    }

    private HttpRequest.Builder apiRequest(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header(API_KEY_HEADER, settings.apiKey());
    }

    private URI uri(String path, String query) {
        String base = settings.baseUri().toString();
        return URI.create(query == null || query.isEmpty() ? base + path : base + path + "?" + query);
    }

    private static String runQuery(RunRequest request) {
        StringJoiner params = new StringJoiner("&");
        addParam(params, "workflow_id", request.workflowId());
        if (request.saveJson()) {
            addParam(params, "save_json", "true");
        }
        List<ResultFormat> formats = new ArrayList<>(request.resultFormats());
        formats.sort(null);
        formats.forEach(format -> addParam(params, "result_formats", format.value()));
        return params.toString();
    }

    private static void addParam(StringJoiner params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A response body: the bytes of a JSON answer or error, or the open stream of a download. */
    record ResponseBody(byte[] bytes, InputStream stream) {

        static ResponseBody ofBytes(byte[] bytes) {
            return new ResponseBody(bytes, null);
        }

        static ResponseBody ofStream(InputStream stream) {
            return new ResponseBody(null, stream);
        }
    }
}

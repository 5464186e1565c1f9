package dev.camelsixtyfour.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives every request: records it, applies the switched-on faults, enforces the body limit, authenticates, and
 * hands it to the endpoint whose method and path match. Errors leave as the service's JSON error bodies.
 */
final class ApiRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final long DISCARD_CAP = 256L * 1024 * 1024;

    private final List<Route> routes = new ArrayList<>();
    private final RequestJournal journal;
    private final Faults faults;
    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiRouter(RequestJournal journal, Faults faults, ApiKeys apiKeys, Clock clock) {
        this.journal = journal;
        this.faults = faults;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** Registers an endpoint; {@code pattern} segments in braces are path parameters. */
    ApiRouter route(String method, String pattern, boolean authenticated, Endpoint endpoint) {
        routes.add(new Route(method, pattern.split("/"), authenticated, endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange http) {
        try {
            serve(http);
        } catch (IOException e) {
            LOG.debug("Connection closed while answering {} {}: {}", http.getRequestMethod(),
                    http.getRequestURI().getPath(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering {} {}", http.getRequestMethod(), http.getRequestURI().getPath(),
                    e);
            respondQuietly(http, ApiException.detail(500, "Internal Server Error"));
        } finally {
            http.close();
        }
    }

    private void serve(HttpExchange http) throws IOException {
        String path = http.getRequestURI().getPath();
        long limit = faults.bodyLimit();
        Body body = readBody(http, limit);
        journal.add(new RecordedRequest(http.getRequestMethod(), path, http.getRequestURI().getRawQuery(),
                http.getRequestHeaders(), body.bytes, clock.instant()));

        pause(faults.latency());
        if (faults.shouldDrop(path)) {
            LOG.debug("Dropping the connection of {} {} (fault)", http.getRequestMethod(), path);
            return;
        }
        ApiExchange exchange = new ApiExchange(http, path, body.bytes, faults.shouldDropResponse(path));
        String caller = ApiKeys.fingerprint(ApiKeys.presentedKey(exchange));
        LOG.debug("{} {} ({} bytes) from {}", http.getRequestMethod(), path, body.bytes.length, caller);
        try {
            ApiException fault = faults.failureFor(path, caller);
            if (fault != null) {
                throw fault;
            }
            if (body.tooLarge) {
                throw ApiException.detail(413, "Request body too large: the limit is " + limit + " bytes",
                        Map.of("Connection", "close"));
            }
            dispatch(exchange, path);
        } catch (ApiException e) {
            exchange.respond(e.status(), "application/json", Json.bytes(e.body()), e.headers());
        }
    }

    private void dispatch(ApiExchange exchange, String path) throws IOException {
        String[] segments = path.split("/");
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method.equals(exchange.method())) {
                if (route.authenticated) {
                    apiKeys.authenticate(exchange);
                }
                route.endpoint.serve(exchange, params);
                return;
            }
        }
        throw pathKnown ? ApiException.detail(405, "Method Not Allowed") : ApiException.detail(404, "Not Found");
    }

    /**
     * Reads the body, keeping at most {@code limit} bytes. A larger body is still read to its end (up to a hard cap)
     * and discarded, so the client is not cut off mid-upload and reliably sees the 413.
     */
    private static Body readBody(HttpExchange http, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = http.getRequestBody()) {
            int read;
            while (total <= DISCARD_CAP && (read = in.read(buffer)) >= 0) {
                total += read;
                if (total <= limit) {
                    out.write(buffer, 0, read);
                }
            }
        }
        return total > limit ? new Body(new byte[0], true) : new Body(out.toByteArray(), false);
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respondQuietly(HttpExchange http, ApiException error) {
        try {
            http.getResponseHeaders().set("Content-Type", "application/json");
            byte[] bytes = Json.bytes(error.body());
            http.sendResponseHeaders(error.status(), bytes.length);
            http.getResponseBody().write(bytes);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the 500 answer: {}", e.getMessage());
        }
    }

    /** An endpoint method. */
    @FunctionalInterface
    interface Endpoint {
        void serve(ApiExchange exchange, Map<String, String> pathParams) throws IOException;
    }

    private record Body(byte[] bytes, boolean tooLarge) {
    }

    private record Route(String method, String[] segments, boolean authenticated, Endpoint endpoint) {

        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    params.put(segment.substring(1, segment.length() - 1), path[i]);
                } else if (!segment.equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}

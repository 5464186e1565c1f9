package dev.camelsixtyfour.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** One request being answered: the parts endpoints read, and the ways to respond. */
final class ApiExchange {

    private final HttpExchange exchange;
    private final String path;
    private final Map<String, List<String>> query;
    private final byte[] body;
    private final boolean dropResponse;
    private String orgId;
    private String apiKey;

    /**
     * @param dropResponse handle the request but send nothing back: closing the exchange unanswered closes the
     *                     connection (a fault a test switched on)
     */
    ApiExchange(HttpExchange exchange, String path, byte[] body, boolean dropResponse) {
        this.exchange = exchange;
        this.path = path;
        this.query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        this.body = body;
        this.dropResponse = dropResponse;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return path;
    }

    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    byte[] body() {
        return body;
    }

    /** The organisation the API key belongs to; set once authenticated. */
    String orgId() {
        return orgId;
    }

    /** The raw API key, for scoping idempotency keys; never logged. */
    String apiKey() {
        return apiKey;
    }

    void authenticated(String key, String organisation) {
        this.apiKey = key;
        this.orgId = organisation;
    }

    void respondJson(int status, Object body) throws IOException {
        respond(status, "application/json", Json.bytes(body), Map.of());
    }

    void respond(int status, String contentType, byte[] bytes, Map<String, String> headers) throws IOException {
        if (dropResponse) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

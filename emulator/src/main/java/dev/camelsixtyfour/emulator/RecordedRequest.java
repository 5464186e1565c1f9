package dev.camelsixtyfour.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the emulator received it, before any fault or validation touched it.
 * <p>
 * Header names are matched without regard to case. {@link #toString()} names the request only: headers and body may
 * hold credentials and stay out of it.
 */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
            Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = copyHeaders(headers);
        this.body = body.clone();
        this.receivedAt = receivedAt;
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    public String method() {
        return method;
    }

    /** The decoded path, without the query. */
    public String path() {
        return path;
    }

    /** The raw query string without {@code ?}, or {@code null} when the request had none. */
    public String query() {
        return query;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in the order received. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** All headers, names in lower case, looked up without regard to case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the raw body bytes (empty when there was none or it exceeded the body limit). */
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** Query parameters decoded, repeated names kept in order. */
    public Map<String, List<String>> queryParameters() {
        return QueryString.parse(query);
    }

    /** Method, path and body size only: headers and body may carry credentials. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}

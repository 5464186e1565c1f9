package dev.camelsixtyfour.app.results.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.camelsixtyfour.app.config.SinkConfig.HttpSinkConfig;

/**
 * POSTs a batch's results to a callback URL as JSON (one array) or NDJSON, with the batch's identifiers as headers
 * ({@code Idempotency-Key}, {@code Sixtyfour-Batch-Id}, ...) and an optional bearer token or custom header. Only a
 * 2xx answer counts as delivered.
 */
final class HttpCallbackSink implements ResultSink {

    private final HttpClient client;
    private final URI url;
    private final HttpSinkConfig config;

    HttpCallbackSink(URI url, HttpSinkConfig config) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.url = url;
        this.config = config;
    }

    @Override
    public void deliver(Delivery delivery) throws IOException, InterruptedException {
        HttpResponse<Void> response;
        try {
            response = client.send(request(delivery), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Callback " + describe() + " answered " + response.statusCode() + " to batch "
                    + delivery.outcome().batchId());
        }
    }

    private HttpRequest request(Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", Delivery.contentType(config.format()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.text(config.format())));
        delivery.httpHeaders().forEach(request::header);
        config.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        config.headerName().ifPresent(name -> request.header(name, config.headerValue().orElse("")));
        return request.build();
    }

    /** The URL without user info or query, either of which may carry a credential. */
    @Override
    public String describe() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + url.getPath();
    }
}

package dev.camelsixtyfour.app.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.camelsixtyfour.app.pipeline.SixtyfourApi;

/**
 * Ready only while the Sixtyfour API answers an authenticated call ({@code GET /workflows/runs?limit=1}) with 200:
 * an unreachable API or a rejected key would leave every batch waiting.
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SixtyfourApi api;

    @Override
    public HealthCheckResponse call() {
        String base = api.baseUri();
        int status = probe(base);
        return HealthCheckResponse.named("sixtyfour-api")
                .status(status == 200)
                .withData("baseUri", base)
                .withData("status", status)
                .build();
    }

    /** The HTTP status of the probe, or 0 when the API did not answer. */
    private int probe(String base) {
        if (api.apiKey() == null) {
            return 0;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/workflows/runs?limit=1"))
                .header("x-api-key", api.apiKey())
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}

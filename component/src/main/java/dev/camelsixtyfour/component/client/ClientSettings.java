package dev.camelsixtyfour.component.client;

import java.net.URI;
import java.time.Duration;

import dev.camelsixtyfour.component.SixtyfourConfiguration;

/**
 * What the HTTP client needs from the endpoint's options, fixed when the endpoint starts.
 */
public record ClientSettings(
        URI baseUri,
        String apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retryPolicy) {

    public static ClientSettings from(SixtyfourConfiguration config) {
        String base = config.getBaseUri();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        RetryPolicy retryPolicy = new RetryPolicy(config.getMaxRetries(),
                Duration.ofMillis(config.getRetryInitialDelay()), Duration.ofMillis(config.getRetryMaxDelay()),
                Duration.ofMillis(config.getMaxRetryAfter()));
        return new ClientSettings(URI.create(base), config.getApiKey(), Duration.ofMillis(config.getConnectTimeout()),
                Duration.ofMillis(config.getRequestTimeout()), retryPolicy);
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUri=" + baseUri + ", apiKey=***, connectTimeout=" + connectTimeout
               + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy + "]";
    }
}

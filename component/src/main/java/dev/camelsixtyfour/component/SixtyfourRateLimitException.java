package dev.camelsixtyfour.component;

import java.time.Duration;

/**
 * The service answered 429 and advised a wait longer than the component is configured to wait
 * ({@code maxRetryAfter}), so the request failed at once instead of holding the exchange.
 */
public class SixtyfourRateLimitException extends SixtyfourException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public SixtyfourRateLimitException(SixtyfourException.Builder builder, Duration retryAfter) {
        super(builder);
        this.retryAfter = retryAfter;
    }

    /** The wait the service advised in its {@code Retry-After} header. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}

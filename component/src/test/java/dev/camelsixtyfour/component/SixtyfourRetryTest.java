package dev.camelsixtyfour.component;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourRetryTest extends SixtyfourTestSupport {

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @ParameterizedTest(name = "HTTP {0} is retried until the run starts")
    @ValueSource(ints = { 429, 500, 502, 503, 504 })
    void retryableStatusIsRetried(int status) {
        emulator().faults().failNext(RUN_PATH, status, 2);

        Exchange result = send(COMPANY_RUN + "&maxRetries=3", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().requests(RUN_PATH)).hasSize(3);
        assertThat(emulator().runs()).hasSize(1);
    }

    @Test
    void droppedConnectionIsRetried() {
        emulator().faults().dropNext(RUN_PATH, 2);

        Exchange result = send(COMPANY_RUN + "&maxRetries=3", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().requests(RUN_PATH)).hasSize(3);
        assertThat(emulator().runs()).hasSize(1);
    }

    @Test
    void retriesStopAfterMaxRetries() {
        emulator().faults().failNext(RUN_PATH, 503, 10);

        Exchange result = send(COMPANY_RUN + "&maxRetries=2", ROWS);

        assertThat(result.getException()).isInstanceOf(SixtyfourException.class);
        assertThat(((SixtyfourException) result.getException()).getStatusCode()).isEqualTo(503);
        assertThat(emulator().requests(RUN_PATH)).hasSize(3);
        assertThat(emulator().runs()).isEmpty();
    }

    @Test
    void connectionFailureAfterRetriesHasNoStatusAndTheCause() {
        emulator().faults().dropNext(RUN_PATH, 10);

        Exchange result = send(COMPANY_RUN + "&maxRetries=1", ROWS);

        SixtyfourException error = (SixtyfourException) result.getException();
        assertThat(error.getStatusCode()).isZero();
        assertThat(error.getCause()).isNotNull();
        assertThat(error.isRetryable()).isTrue();
        assertThat(emulator().requests(RUN_PATH)).hasSize(2);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsNoAnswer() {
        // the schema read is the request that times out, so no run starts behind the test's back
        emulator().faults().latency(Duration.ofSeconds(2));

        Exchange result = send(COMPANY_RUN + "&validateInput=true&requestTimeout=200&maxRetries=0", ROWS);

        SixtyfourException error = (SixtyfourException) result.getException();
        assertThat(error.getStatusCode()).isZero();
        assertThat(error).hasMessageContaining("got no answer").hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(emulator().requests(RUN_PATH)).isEmpty();
    }

    @Test
    void retryAfterWithinTheCeilingIsWaitedFor() {
        // the emulator's injected 429 advises Retry-After: 1, far beyond the test's 10 ms backoff
        emulator().faults().failNext(RUN_PATH, 429, 1);

        Exchange result = send(COMPANY_RUN + "&maxRetries=1&maxRetryAfter=5s", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).hasSize(1);
        List<RecordedRequest> requests = emulator().requests(RUN_PATH);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheCeilingFailsAtOnceWithTheAdvice() {
        emulator().faults().rateLimit(1, 120);
        send(COMPANY_RUN, ROWS);

        Exchange result = send(COMPANY_RUN + "&maxRetries=5&maxRetryAfter=30s", ROWS);

        assertThat(result.getException()).isInstanceOf(SixtyfourRateLimitException.class);
        SixtyfourRateLimitException error = (SixtyfourRateLimitException) result.getException();
        assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(error.getStatusCode()).isEqualTo(429);
        assertThat(emulator().requests(RUN_PATH)).hasSize(2);
    }
}

package dev.camelsixtyfour.component.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import dev.camelsixtyfour.component.support.WebhookSigning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureVerifierTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String OTHER_SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final long NOW = 1_780_000_000L;
    private static final byte[] BODY = "{\"event_id\":\"e-1\",\"results\":[{\"a\":1}]}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET, Duration.ofSeconds(300),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsSignatureOverExactBody() {
        assertThatCode(() -> verifier.verify("t=" + NOW + ",v1=" + hmac(SECRET, NOW, BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralV1ValuesMatches() {
        String header = "t=" + NOW + ",v1=" + hmac(OTHER_SECRET, NOW, BODY) + ",v1=" + hmac(SECRET, NOW, BODY);

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTimestampsAtTheEdgeOfTheToleranceInBothDirections() {
        assertThatCode(() -> {
            verifier.verify("t=" + (NOW - 300) + ",v1=" + hmac(SECRET, NOW - 300, BODY), BODY);
            verifier.verify("t=" + (NOW + 300) + ",v1=" + hmac(SECRET, NOW + 300, BODY), BODY);
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void rejects(String scenario, String header, byte[] body, WebhookRejection expected) {
        assertThatThrownBy(() -> verifier.verify(header, body))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.getRejection()).isEqualTo(expected));
    }

    @Test
    void rejectionMessageNeverContainsTheSecretOrTheExpectedSignature() {
        String expected = hmac(SECRET, NOW, BODY);
        byte[] tampered = "{\"event_id\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify("t=" + NOW + ",v1=" + expected, tampered))
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(hmac(SECRET, NOW, tampered));
    }

    static Stream<Arguments> forgeries() {
        String valid = hmac(SECRET, NOW, BODY);
        byte[] reserialised = "{\"event_id\": \"e-1\", \"results\": [{\"a\": 1}]}".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("absent header", null, BODY, WebhookRejection.UNSIGNED),
                Arguments.of("blank header", "  ", BODY, WebhookRejection.UNSIGNED),
                Arguments.of("body changed", "t=" + NOW + ",v1=" + valid, reserialised,
                        WebhookRejection.SIGNATURE_MISMATCH),
                Arguments.of("wrong secret", "t=" + NOW + ",v1=" + hmac(OTHER_SECRET, NOW, BODY), BODY,
                        WebhookRejection.SIGNATURE_MISMATCH),
                Arguments.of("timestamp swapped", "t=" + (NOW + 1) + ",v1=" + valid, BODY,
                        WebhookRejection.SIGNATURE_MISMATCH),
                Arguments.of("stale", "t=" + (NOW - 301) + ",v1=" + hmac(SECRET, NOW - 301, BODY), BODY,
                        WebhookRejection.STALE_TIMESTAMP),
                Arguments.of("from the future", "t=" + (NOW + 301) + ",v1=" + hmac(SECRET, NOW + 301, BODY), BODY,
                        WebhookRejection.FUTURE_TIMESTAMP),
                Arguments.of("no timestamp", "v1=" + valid, BODY, WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("no v1", "t=" + NOW, BODY, WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("only a v0", "t=" + NOW + ",v0=" + valid, BODY, WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("timestamp not a number", "t=soon,v1=" + valid, BODY,
                        WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("two timestamps", "t=" + NOW + ",t=" + NOW + ",v1=" + valid, BODY,
                        WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("bad hex", "t=" + NOW + ",v1=" + "zz" + valid.substring(2), BODY,
                        WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("truncated hex", "t=" + NOW + ",v1=" + valid.substring(1), BODY,
                        WebhookRejection.MALFORMED_SIGNATURE),
                Arguments.of("part without equals", "t=" + NOW + ",v1", BODY, WebhookRejection.MALFORMED_SIGNATURE));
    }

    static String hmac(String secret, long timestamp, byte[] body) {
        return WebhookSigning.v1(secret, timestamp, body);
    }
}

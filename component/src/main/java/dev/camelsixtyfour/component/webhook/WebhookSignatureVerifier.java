package dev.camelsixtyfour.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code Sixtyfour-Signature} header ({@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}) against the raw body
 * bytes: hex HMAC-SHA256 keyed with the signing secret over {@code "<t>.<body>"}. Any one matching {@code v1}
 * accepts, so deliveries keep passing while the sender rotates its secret. Thread-safe.
 */
public final class WebhookSignatureVerifier {

    public static final String SIGNATURE_HEADER = "Sixtyfour-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatureVerifier(String signingSecret, Duration tolerance, Clock clock) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new IllegalArgumentException("signingSecret must not be empty");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Accepts the delivery or throws the reason it was refused.
     */
    public void verify(String signatureHeader, byte[] body) throws WebhookRejectedException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRejectedException(WebhookRejection.UNSIGNED, "header " + SIGNATURE_HEADER + " is absent");
        }
        ParsedSignature parsed = ParsedSignature.parse(signatureHeader);

        checkTimestamp(parsed.timestamp());

        byte[] expected = sign(parsed.timestamp(), body);
        for (byte[] candidate : parsed.signatures()) {
            if (MessageDigest.isEqual(expected, candidate)) {
                return;
            }
        }
        throw new WebhookRejectedException(WebhookRejection.SIGNATURE_MISMATCH,
                parsed.signatures().size() + " v1 value(s) checked over " + body.length + " body bytes");
    }

    private void checkTimestamp(long timestamp) throws WebhookRejectedException {
        long now = clock.instant().getEpochSecond();
        long toleranceSeconds = tolerance.toSeconds();
        if (timestamp < now - toleranceSeconds) {
            throw new WebhookRejectedException(WebhookRejection.STALE_TIMESTAMP,
                    "t=" + timestamp + " is " + (now - timestamp) + " s old, tolerance " + toleranceSeconds + " s");
        }
        if (timestamp > now + toleranceSeconds) {
            throw new WebhookRejectedException(WebhookRejection.FUTURE_TIMESTAMP,
                    "t=" + timestamp + " is " + (timestamp - now) + " s ahead, tolerance " + toleranceSeconds + " s");
        }
    }

    private byte[] sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private record ParsedSignature(long timestamp, List<byte[]> signatures) {

        static ParsedSignature parse(String header) throws WebhookRejectedException {
            Long timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String part : header.split(",")) {
                int equals = part.indexOf('=');
                if (equals < 1) {
                    throw malformed("part '" + part.trim() + "' is not key=value");
                }
                String name = part.substring(0, equals).trim();
                String value = part.substring(equals + 1).trim();
                if ("t".equals(name)) {
                    if (timestamp != null) {
                        throw malformed("t appears more than once");
                    }
                    timestamp = parseTimestamp(value);
                } else if ("v1".equals(name)) {
                    signatures.add(parseHex(value));
                }
                // Other schemes (a future v2) are skipped so that senders can add them before receivers know them.
            }
            if (timestamp == null) {
                throw malformed("t is missing");
            }
            if (signatures.isEmpty()) {
                throw malformed("no v1 value");
            }
            return new ParsedSignature(timestamp, signatures);
        }

        private static long parseTimestamp(String value) throws WebhookRejectedException {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw malformed("t='" + abbreviate(value) + "' is not a number of seconds");
            }
        }

        private static byte[] parseHex(String value) throws WebhookRejectedException {
            if (value.length() != SIGNATURE_HEX_LENGTH) {
                throw malformed("v1 has " + value.length() + " characters, expected " + SIGNATURE_HEX_LENGTH);
            }
            try {
                return HexFormat.of().parseHex(value);
            } catch (IllegalArgumentException e) {
                throw malformed("v1 is not hexadecimal");
            }
        }

        private static String abbreviate(String value) {
            return value.length() <= 20 ? value : value.substring(0, 20) + "…";
        }

        private static WebhookRejectedException malformed(String detail) {
            return new WebhookRejectedException(WebhookRejection.MALFORMED_SIGNATURE, detail);
        }
    }
}

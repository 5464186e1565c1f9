package dev.camelsixtyfour.app.source.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ingest endpoint's bearer token. Both sides are hashed before {@link MessageDigest#isEqual} compares them, so
 * the comparison takes the same time whatever the presented value's length or first wrong character. The token is
 * never logged and never part of {@code toString()}.
 */
final class IngestToken {

    private static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;

    IngestToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("No ingest token: set the SIXTYFOUR_INGEST_TOKEN environment variable "
                    + "(sixtyfour.ingest.token) to serve POST /ingest/{pipeline} for http sources");
        }
        this.expectedDigest = digest(token);
    }

    /** True when the Authorization header carries the configured token. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, digest(authorization.substring(BEARER.length()).strip()));
    }

    @Override
    public String toString() {
        return "IngestToken[****]";
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}

package dev.camelsixtyfour.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Signs and checks result download URLs, which are fetched without the API key: the signature binds the path to an
 * expiry time, with a key that never leaves this emulator instance.
 */
final class DownloadSigner {

    static final String PATH_PREFIX = "/downloads/";

    private final String key;
    private final Clock clock;
    private final Duration expiry;

    DownloadSigner(Clock clock, Duration expiry) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = HexFormat.of().formatHex(random);
        this.clock = clock;
        this.expiry = expiry;
    }

    Duration expiry() {
        return expiry;
    }

    URI sign(URI baseUri, String jobId, int blockNumber, ResultFormat format) {
        String path = PATH_PREFIX + jobId + "/block_" + blockNumber + "." + format.wire();
        long expires = clock.instant().plus(expiry).getEpochSecond();
        return URI.create(baseUri + path + "?expires=" + expires + "&signature=" + signature(path, expires));
    }

    /** Throws 403 unless the signature matches the path and has not expired. */
    void verify(String path, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            throw ApiException.detail(403, "Download URL is not signed");
        }
        long expiresAt = Long.parseLong(expires);
        byte[] expected = signature(path, expiresAt).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.detail(403, "Download URL signature does not match");
        }
        if (clock.instant().getEpochSecond() > expiresAt) {
            throw ApiException.detail(403, "Download URL expired");
        }
    }

    private String signature(String path, long expires) {
        return WebhookSigner.hmacHex(key, expires, path.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.camelsixtyfour.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as the service does: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, one
 * {@code v1} per active secret (two during a rotation, newest first). No secret, no signature.
 */
final class WebhookSigner {

    private final Object lock = new Object();
    private final List<String> secrets = new ArrayList<>();

    WebhookSigner(String secret) {
        if (secret != null) {
            secrets.add(secret);
        }
    }

    /** Starts a rotation: the new secret signs first, the previous one keeps signing beside it. */
    void roll(String newSecret) {
        synchronized (lock) {
            secrets.add(0, newSecret);
            while (secrets.size() > 2) {
                secrets.remove(secrets.size() - 1);
            }
        }
    }

    /** Ends a rotation: only the newest secret signs. */
    void expirePrevious() {
        synchronized (lock) {
            while (secrets.size() > 1) {
                secrets.remove(secrets.size() - 1);
            }
        }
    }

    /** The header value for this body at this time, or {@code null} when no secret is set. */
    String signature(long unixSeconds, byte[] body) {
        List<String> active;
        synchronized (lock) {
            active = List.copyOf(secrets);
        }
        if (active.isEmpty()) {
            return null;
        }

        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : active) {
            header.append(",v1=").append(hmacHex(secret, unixSeconds, body));
        }
        return header.toString();
    }

    static String hmacHex(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}

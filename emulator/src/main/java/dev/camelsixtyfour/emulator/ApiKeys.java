package dev.camelsixtyfour.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The configured API keys and their organisations. A key may also arrive as {@code Authorization: Bearer <key>},
 * standing in for the service's OAuth tokens; {@code x-api-key} wins when both are sent.
 */
final class ApiKeys {

    private final Map<String, String> orgByKey;

    ApiKeys(Map<String, String> orgByKey) {
        this.orgByKey = Map.copyOf(orgByKey);
    }

    /** Authenticates the exchange or throws 401; never echoes the key. */
    void authenticate(ApiExchange exchange) {
        String key = exchange.header("x-api-key");
        if (key == null) {
            key = bearerToken(exchange);
        }
        String orgId = key == null ? null : orgByKey.get(key);
        if (orgId == null) {
            throw ApiException.detail(401, key == null ? "Missing API key: send it in the x-api-key header"
                    : "Invalid or expired API key");
        }
        exchange.authenticated(key, orgId);
    }

    static String bearerToken(ApiExchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** A short, stable, one-way name for a key: safe to log, useless to an attacker. */
    static String fingerprint(String key) {
        if (key == null) {
            return "anonymous";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key#" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    static String presentedKey(ApiExchange exchange) {
        String key = exchange.header("x-api-key");
        return key != null ? key : bearerToken(exchange);
    }
}

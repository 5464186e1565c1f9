package dev.camelsixtyfour.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An outgoing-webhook delivery made by a test, signed the way the service signs (hex HMAC-SHA256 over
 * {@code "<t>.<body>"}), with the secret the test chooses: the emulator's for a genuine copy, another for a forgery.
 */
public final class SignedDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SignedDelivery() {
    }

    /** A completed run's delivery body with its rows inline. */
    public static String completedRun(String eventId, String runId, String workflowId, List<?> rows)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("event_type", "outgoing_webhook.completed");
        body.put("run_id", runId);
        body.put("workflow_id", workflowId);
        body.put("status", "completed");
        body.put("row_count", rows.size());
        body.put("results", rows);
        return JSON.writeValueAsString(body);
    }

    /** POSTs {@code body} signed with {@code secret}; returns the receiver's status. */
    public static int post(URI receiver, String eventId, String body, String secret) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(receiver)
                .header("Content-Type", "application/json")
                .header("Sixtyfour-Event-Id", eventId)
                .header("Sixtyfour-Event-Type", "outgoing_webhook.completed")
                .header("Sixtyfour-Delivery-Attempt", "1")
                .header("Sixtyfour-Signature", "t=" + now + ",v1=" + hmacHex(secret, now + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String hmacHex(String secret, String signed) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}

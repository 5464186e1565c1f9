package dev.camelsixtyfour.component.consumer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.GeneratedResultServer;
import dev.camelsixtyfour.component.support.PlatformHttpServer;
import dev.camelsixtyfour.component.support.WebhookSigning;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourWebhookConsumerTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String OTHER_SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String PATH = "/hooks/sixtyfour";
    private static final int MAX_BODY = 4096;
    private static final String INLINE_BODY = "{\"event_id\":\"evt-1\",\"event_type\":\"outgoing_webhook.completed\","
                                              + "\"run_id\":\"run-1\",\"workflow_id\":\"wf-1\",\"status\":\"completed\","
                                              + "\"row_count\":2,\"results\":[{\"name\":\"Acme\"},{\"name\":\"Beta\"}],"
                                              + "\"results_download_url\":null}";

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private CamelContext context;
    private int port;

    @BeforeEach
    void startReceiver() throws Exception {
        startReceiver("signingSecret=RAW(" + SECRET + ")&maxBodySize=" + MAX_BODY);
    }

    private void startReceiver(String options) throws Exception {
        context = new DefaultCamelContext();
        port = PlatformHttpServer.addTo(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sixtyfour:webhook?path=" + PATH + "&" + options).process(exchange -> received.add(exchange.copy()));
            }
        });
        context.start();
    }

    @AfterEach
    void stopReceiver() {
        context.stop();
    }

    @Test
    void signedDeliveryReachesTheRouteWithRowsAndHeaders() throws Exception {
        HttpResponse<String> response = post(INLINE_BODY, signedNow(INLINE_BODY), "evt-1", "3");

        assertThat(response.statusCode()).isEqualTo(202);
        await().until(() -> received.size() == 1);
        Exchange exchange = received.get(0);
        assertThat(exchange.getMessage().getBody(List.class))
                .containsExactly(Map.of("name", "Acme"), Map.of("name", "Beta"));
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.EVENT_ID, "evt-1")
                .containsEntry(SixtyfourConstants.EVENT_TYPE, "outgoing_webhook.completed")
                .containsEntry(SixtyfourConstants.DELIVERY_ATTEMPT, 3)
                .containsEntry(SixtyfourConstants.JOB_ID, "run-1")
                .containsEntry(SixtyfourConstants.WORKFLOW_ID, "wf-1")
                .containsEntry(SixtyfourConstants.RUN_STATUS, RunStatus.completed);
    }

    @Test
    void repeatedEventIsAcknowledgedButProcessedOnce() throws Exception {
        HttpResponse<String> first = post(INLINE_BODY, signedNow(INLINE_BODY), "evt-1", "1");
        await().until(() -> received.size() == 1);

        HttpResponse<String> repeat = post(INLINE_BODY, signedNow(INLINE_BODY), "evt-1", "2");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).contains("already received");
        assertThat(received).hasSize(1);
    }

    @Test
    void keyRotationWithTwoV1ValuesIsAccepted() throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "t=" + now + ",v1=" + WebhookSigning.v1(OTHER_SECRET, now, bytes(INLINE_BODY))
                        + ",v1=" + WebhookSigning.v1(SECRET, now, bytes(INLINE_BODY));

        assertThat(post(INLINE_BODY, header, "evt-rotation", "1").statusCode()).isEqualTo(202);
        await().until(() -> received.size() == 1);
    }

    @Test
    void asyncJobDeliveryHandsTheRouteItsResult() throws Exception {
        String body = "{\"task_id\":\"task-9\",\"status\":\"completed\",\"task_type\":\"find_email\","
                      + "\"result\":{\"email\":\"ada@acme.example\"}}";

        assertThat(post(body, signedNow(body), "evt-task-9", "1").statusCode()).isEqualTo(202);

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getMessage().getBody(Map.class)).containsEntry("email", "ada@acme.example");
        assertThat(received.get(0).getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.JOB_ID, "task-9")
                .containsEntry(SixtyfourConstants.TASK_STATUS, "completed");
    }

    @Test
    void failedAsyncJobCarriesItsErrorAsAHeader() throws Exception {
        String body = "{\"task_id\":\"task-10\",\"status\":\"failed\",\"task_type\":\"find_phone\","
                      + "\"error\":\"no phone found\"}";

        post(body, signedNow(body), "evt-task-10", "1");

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.ERROR_MESSAGE, "no phone found")
                .containsEntry(SixtyfourConstants.TASK_STATUS, "failed");
    }

    @Test
    void rowsBehindADownloadUrlAreFetchedWithoutTheApiKey() throws Exception {
        try (GeneratedResultServer storage = GeneratedResultServer.start()) {
            String body = "{\"event_id\":\"evt-big\",\"run_id\":\"run-big\",\"status\":\"completed\",\"row_count\":1500,"
                          + "\"results\":null,\"results_download_url\":\"" + storage.url("ndjson", 1500) + "\"}";

            assertThat(post(body, signedNow(body), "evt-big", "1").statusCode()).isEqualTo(202);

            await().until(() -> received.size() == 1);
            List<?> rows = received.get(0).getMessage().getBody(List.class);
            assertThat(rows).hasSize(1500);
            assertThat(rows.get(1499)).isEqualTo(Map.of("row", 1500, "company", "Company 1500",
                    "domain", "company-1500.example", "employees", 1500));
            assertThat(storage.apiKeyHeaders()).containsExactly((String) null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDeliveries")
    void refusedDeliveryIsAnsweredWithItsReasonAndNeverProcessed(String scenario, String body,
                                                                 LongFunction<String> signatureAt, String eventId,
                                                                 int status, String reason) throws Exception {
        HttpResponse<String> response = post(body, signatureAt.apply(Instant.now().getEpochSecond()), eventId, "1");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(reason).doesNotContain(SECRET);
        // A valid delivery sent afterwards is the first and only one the route sees.
        post(INLINE_BODY, signedNow(INLINE_BODY), "evt-after", "1");
        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getMessage().getHeader(SixtyfourConstants.EVENT_ID)).isEqualTo("evt-after");
    }

    static Stream<Arguments> refusedDeliveries() {
        String reserialised = INLINE_BODY.replace(",", ", ");
        String oversized = INLINE_BODY.replace("\"Beta\"", "\"" + "B".repeat(MAX_BODY) + "\"");
        String noRunId = INLINE_BODY.replace("\"run_id\":\"run-1\",", "");
        String noResults = "{\"event_id\":\"evt-1\",\"run_id\":\"run-1\",\"status\":\"completed\"}";
        String noEventId = "{\"task_id\":\"t\",\"status\":\"completed\",\"result\":{}}";
        return Stream.of(
                refused("unsigned", INLINE_BODY, now -> null, 401, "no Sixtyfour-Signature"),
                refused("body re-serialised after signing", reserialised, now -> sign(INLINE_BODY, now), 401,
                        "no v1 signature matches"),
                refused("signed with another secret", INLINE_BODY,
                        now -> WebhookSigning.header(OTHER_SECRET, now, bytes(INLINE_BODY)), 401,
                        "no v1 signature"),
                refused("timestamp altered", INLINE_BODY,
                        now -> sign(INLINE_BODY, now).replace("t=" + now, "t=" + (now - 5)), 401, "no v1 signature"),
                refused("stale by 301 s", INLINE_BODY, now -> sign(INLINE_BODY, now - 301), 401,
                        "older than the tolerance"),
                refused("301 s in the future", INLINE_BODY, now -> sign(INLINE_BODY, now + 301), 401,
                        "in the future"),
                refused("no timestamp", INLINE_BODY, now -> sign(INLINE_BODY, now).replace("t=" + now + ",", ""),
                        400, "t is missing"),
                refused("no v1", INLINE_BODY, now -> "t=" + now, 400, "no v1 value"),
                refused("bad hex", INLINE_BODY, now -> "t=" + now + ",v1=" + "g".repeat(64), 400, "not hexadecimal"),
                refused("oversized", oversized, now -> sign(oversized, now), 413, "larger than the configured"),
                refused("missing run_id", noRunId, now -> sign(noRunId, now), 400, "run_id is missing"),
                refused("missing results", noResults, now -> sign(noResults, now), 400, "neither a results array"),
                Arguments.of("no event id anywhere", noEventId, (LongFunction<String>) now -> sign(noEventId, now),
                        null, 400, "Sixtyfour-Event-Id"));
    }

    private static Arguments refused(String scenario, String body, LongFunction<String> signatureAt, int status,
                                     String reason) {
        return Arguments.of(scenario, body, signatureAt, "evt-1", status, reason);
    }

    private static String sign(String body, long timestamp) {
        return WebhookSigning.header(SECRET, timestamp, bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unsignedDeliveryIsAcceptedOnlyWhenAllowed() throws Exception {
        context.stop();
        startReceiver("allowUnsigned=true");

        assertThat(post(INLINE_BODY, null, "evt-unsigned", "1").statusCode()).isEqualTo(202);
        await().until(() -> received.size() == 1);
    }

    @Test
    void failingRouteForgetsTheEventSoARedeliveryIsProcessed() throws Exception {
        context.stop();
        context = new DefaultCamelContext();
        port = PlatformHttpServer.addTo(context);
        List<String> attempts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sixtyfour:webhook?path=" + PATH + "&signingSecret=RAW(" + SECRET + ")")
                        .process(exchange -> {
                            attempts.add(exchange.getMessage().getHeader(SixtyfourConstants.DELIVERY_ATTEMPT,
                                    String.class));
                            if (attempts.size() == 1) {
                                throw new IllegalStateException("downstream database is down");
                            }
                        });
            }
        });
        context.start();

        post(INLINE_BODY, signedNow(INLINE_BODY), "evt-retry", "1");
        await().until(() -> attempts.size() == 1);
        await().until(() -> post(INLINE_BODY, signedNow(INLINE_BODY), "evt-retry", "2").statusCode() == 202);

        await().until(() -> attempts.size() == 2);
        assertThat(attempts).containsExactly("1", "2");
    }

    @Test
    void fullQueueAnswers503AndTheRepeatIsAcceptedLater() throws Exception {
        context.stop();
        context = new DefaultCamelContext();
        port = PlatformHttpServer.addTo(context);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sixtyfour:webhook?path=" + PATH + "&signingSecret=RAW(" + SECRET + ")"
                     + "&webhookConcurrency=1&webhookQueueSize=1")
                        .process(exchange -> {
                            busy.countDown();
                            release.await();
                            received.add(exchange.copy());
                        });
            }
        });
        context.start();

        assertThat(post(INLINE_BODY, signedNow(INLINE_BODY), "evt-busy-1", "1").statusCode()).isEqualTo(202);
        await().until(() -> busy.getCount() == 0);
        assertThat(post(INLINE_BODY, signedNow(INLINE_BODY), "evt-busy-2", "1").statusCode()).isEqualTo(202);
        HttpResponse<String> overflow = post(INLINE_BODY, signedNow(INLINE_BODY), "evt-busy-3", "1");
        release.countDown();

        assertThat(overflow.statusCode()).isEqualTo(503);
        await().until(() -> received.size() == 2);
        assertThat(post(INLINE_BODY, signedNow(INLINE_BODY), "evt-busy-3", "2").statusCode()).isEqualTo(202);
        await().until(() -> received.size() == 3);
    }

    private static String signedNow(String body) {
        return sign(body, Instant.now().getEpochSecond());
    }

    private HttpResponse<String> post(String body, String signature, String eventId, String attempt)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/json")
                .header("Sixtyfour-Event-Type", "outgoing_webhook.completed")
                .header("Sixtyfour-Delivery-Attempt", attempt)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Sixtyfour-Signature", signature);
        }
        if (eventId != null) {
            request.header("Sixtyfour-Event-Id", eventId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

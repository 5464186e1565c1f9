package dev.camelsixtyfour.component.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.support.PlatformHttpServer;
import dev.camelsixtyfour.component.support.WebhookSigning;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing secret and the signatures it produces appear in no log line, response, or endpoint description,
 * whatever happens to a delivery.
 */
class SixtyfourWebhookSecretSecrecyTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String PATH = "/hooks/secrecy";

    private final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    private final List<String> responses = new ArrayList<>();
    private final List<String> expectedSignatures = new ArrayList<>();
    private CapturingAppender appender;
    private CamelContext context;
    private int port;

    @BeforeEach
    void captureLogsAndStart() throws Exception {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = new CapturingAppender(logged);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getRootLogger().setLevel(Level.ALL);
        config.getLoggers().values().forEach(logger -> logger.setLevel(Level.ALL));
        logging.updateLoggers();

        context = new DefaultCamelContext();
        port = PlatformHttpServer.addTo(context);
        // Known limitation: Camel core's own TRACE lines about resolving a URI print it as written, a signingSecret
        // in it included (see SixtyfourLogSecrecyTest); set here on the endpoint, the secret tests the component.
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:webhook?path=" + PATH, SixtyfourEndpoint.class);
        endpoint.getWebhookConfiguration().setSigningSecret(SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).log("${body}");
            }
        });
        context.start();
    }

    @AfterEach
    void stopAndRestore() {
        context.stop();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(appender.getName());
        logging.reconfigure();
    }

    @Test
    void secretAndSignaturesAppearNowhere() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = "{\"event_id\":\"evt-s\",\"run_id\":\"run-s\",\"status\":\"completed\",\"results\":[{\"a\":1}]}";
        String tampered = body.replace("run-s", "run-t");

        deliver(body, WebhookSigning.header(SECRET, now, bytes(body)), "evt-s");
        deliver(body, WebhookSigning.header(SECRET, now, bytes(body)), "evt-s");
        deliver(tampered, WebhookSigning.header(SECRET, now, bytes(body)), "evt-t");
        deliver(body, WebhookSigning.header(SECRET, now - 3600, bytes(body)), "evt-u");
        deliver(body, "t=" + now + ",v1=" + "0".repeat(64), "evt-v");
        expectedSignatures.add(WebhookSigning.v1(SECRET, now, bytes(tampered)));

        List<Endpoint> endpoints = new ArrayList<>(context.getEndpoints());
        assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(SECRET));
        assertThat(logged).noneSatisfy(line -> assertThat(line).containsAnyOf(expectedSignatures.toArray(String[]::new)));
        assertThat(responses).hasSize(5).noneSatisfy(text -> assertThat(text).contains(SECRET));
        assertThat(responses).noneSatisfy(
                text -> assertThat(text).containsAnyOf(expectedSignatures.toArray(String[]::new)));
        assertThat(endpoints).noneSatisfy(endpoint -> assertThat(endpoint.toString() + endpoint.getEndpointUri())
                .contains(SECRET));
    }

    private void deliver(String body, String signature, String eventId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + PATH))
                .header("Sixtyfour-Event-Id", eventId)
                .header("Sixtyfour-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response.statusCode() + " " + response.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class CapturingAppender extends AbstractAppender {

        private final ConcurrentLinkedQueue<String> lines;

        CapturingAppender(ConcurrentLinkedQueue<String> lines) {
            super("webhook-secrecy-capture", null, null, true, Property.EMPTY_ARRAY);
            this.lines = lines;
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getMessage().getFormattedMessage());
            for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown);
            }
            lines.add(line.toString());
        }
    }
}

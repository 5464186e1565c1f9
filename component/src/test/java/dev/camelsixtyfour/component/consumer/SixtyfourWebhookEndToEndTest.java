package dev.camelsixtyfour.component.consumer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.component.support.PlatformHttpServer;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import dev.camelsixtyfour.emulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator's outgoing_webhook block delivers a finished run, signed, into the webhook consumer.
 */
class SixtyfourWebhookEndToEndTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final String PATH = "/hooks/sixtyfour/runs";
    private static final int INLINE_LIMIT = 2;

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(builder -> builder
            .signingSecret(SECRET).runStepDuration(Duration.ofMillis(50)).inlineRowLimit(INLINE_LIMIT));

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private EmulatedCamel starter;
    private CamelContext receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        starter = new EmulatedCamel(EMULATOR.emulator());
        receiver = new DefaultCamelContext();
        int port = PlatformHttpServer.addTo(receiver);
        receiver.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sixtyfour:webhook?path=" + PATH + "&signingSecret=RAW(" + SECRET + ")")
                        .process(exchange -> received.add(exchange.copy()));
            }
        });
        receiver.start();
        EMULATOR.emulator().outgoingWebhookUrl(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                URI.create("http://127.0.0.1:" + port + PATH));
    }

    @AfterEach
    void stopAll() {
        receiver.stop();
        starter.close();
    }

    @Test
    void finishedRunIsDeliveredWithItsInlineRows() {
        String jobId = starter.startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                EmulatedCamel.COMPANIES.subList(0, INLINE_LIMIT), "");

        await().until(() -> received.size() == 1 && !EMULATOR.emulator().webhookDeliveries().isEmpty());

        Exchange exchange = received.get(0);
        WebhookDelivery delivery = EMULATOR.emulator().webhookDeliveries().get(0);
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.JOB_ID, jobId)
                .containsEntry(SixtyfourConstants.EVENT_ID, delivery.eventId())
                .containsEntry(SixtyfourConstants.EVENT_TYPE, "outgoing_webhook.completed")
                .containsEntry(SixtyfourConstants.DELIVERY_ATTEMPT, 1)
                .containsEntry(SixtyfourConstants.RUN_STATUS, RunStatus.completed);
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT");
        assertThat(delivery.statusCode()).isEqualTo(202);
    }

    @Test
    void resultTooLargeToInlineIsDownloadedFromTheDeliveredUrl() {
        starter.startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID, EmulatedCamel.COMPANIES, "");

        await().until(() -> received.size() == 1);

        List<Map<String, Object>> rows = received.get(0).getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT", "MMM");
        assertThat(EMULATOR.emulator().requests("/downloads")).hasSize(1)
                .allSatisfy(request -> assertThat(request.header("x-api-key")).isNull());
    }

    @Test
    void deliveryDuringASecretRotationIsAccepted() {
        EMULATOR.emulator().rollSigningSecret("sk_whsec_" + UUID.randomUUID());

        starter.startRun(EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID,
                EmulatedCamel.COMPANIES.subList(0, INLINE_LIMIT), "");

        await().until(() -> received.size() == 1 && !EMULATOR.emulator().webhookDeliveries().isEmpty());
        assertThat(EMULATOR.emulator().webhookDeliveries()).extracting(WebhookDelivery::statusCode).containsExactly(202);
    }
}

package dev.camelsixtyfour.component.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.component.support.PlatformHttpServer;
import dev.camelsixtyfour.component.support.WebhookSigning;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes of the docs page's follow-up sections, run as written (with test values for the placeholders).
 */
class SixtyfourFollowYamlDslTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofMillis(50)));

    private CamelContext context;

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void runAndWaitRouteSplitsTheEnrichedRows() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("workflow.id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        context.getPropertiesComponent().addInitialProperty("sixtyfour.api-key", EmulatorDefaults.DEFAULT_API_KEY);
        context.getPropertiesComponent().addInitialProperty("sixtyfour.base-uri",
                EMULATOR.emulator().baseUri().toString());
        load("""
                - route:
                    from:
                      uri: direct:enrich
                      steps:
                        - to:
                            uri: sixtyfour:workflow
                            parameters:
                              id: "{{workflow.id}}"
                              apiKey: "{{sixtyfour.api-key}}"
                              baseUri: "{{sixtyfour.base-uri}}"
                              operation: runAndWait
                              awaitInitialDelay: 50
                              awaitPollInterval: 100
                              awaitTimeout: 20m
                              resultFormat: csv
                        - split:
                            simple: "${body}"
                            steps:
                              - to: mock:rows
                """);
        context.start();
        MockEndpoint rows = context.getEndpoint("mock:rows", MockEndpoint.class);
        rows.expectedMessageCount(3);

        context.createProducerTemplate().sendBody("direct:enrich", EmulatedCamel.COMPANIES);

        rows.assertIsSatisfied();
        assertThat(rows.getExchanges()).extracting(exchange -> exchange.getMessage().getBody(Map.class)
                .get("symbol")).containsExactly("AAPL", "MSFT", "MMM");
    }

    @Test
    void webhookRouteReceivesASignedDelivery() throws Exception {
        context = new DefaultCamelContext();
        int port = PlatformHttpServer.addTo(context);
        context.getPropertiesComponent().addInitialProperty("sixtyfour.signing-secret", SECRET);
        load("""
                - route:
                    from:
                      uri: sixtyfour:webhook
                      parameters:
                        path: /sixtyfour/deliveries
                        signingSecret: "{{sixtyfour.signing-secret}}"
                        signatureTolerance: 5m
                      steps:
                        - split:
                            simple: "${body}"
                            steps:
                              - to: mock:enriched
                """);
        context.start();
        MockEndpoint enriched = context.getEndpoint("mock:enriched", MockEndpoint.class);
        enriched.expectedMessageCount(2);
        enriched.expectedHeaderReceived(SixtyfourConstants.EVENT_ID, "evt-yaml");

        String body = "{\"event_id\":\"evt-yaml\",\"run_id\":\"run-yaml\",\"status\":\"completed\","
                      + "\"results\":[{\"name\":\"Acme\"},{\"name\":\"Beta\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/sixtyfour/deliveries"))
                .header("Sixtyfour-Event-Id", "evt-yaml")
                .header("Sixtyfour-Signature", WebhookSigning.header(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        enriched.assertIsSatisfied();
    }

    private void load(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("follow.yaml", yaml));
    }
}

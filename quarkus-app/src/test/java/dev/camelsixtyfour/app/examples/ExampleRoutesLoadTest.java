package dev.camelsixtyfour.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The source examples in examples/yaml-route load as Camel YAML routes, each consuming from the source it names. */
class ExampleRoutesLoadTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "yaml-route");

    @ParameterizedTest
    @CsvSource({"http-ingest-route.yaml, platform-http:", "jms-queue-route.yaml, jms:queue:",
        "amqp-queue-route.yaml, amqp:queue:", "kafka-topic-route.yaml, kafka:",
        "rabbitmq-queue-route.yaml, spring-rabbitmq:", "mail-attachments-route.yaml, imaps:"})
    void theExampleLoadsAsOneRouteFromItsSource(String file, String source) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.fromString(file, Files.readString(EXAMPLES.resolve(file))));

            assertThat(camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions())
                    .singleElement()
                    .extracting(RouteDefinition::getEndpointUrl)
                    .asString().startsWith(source);
        }
    }
}

package dev.camelsixtyfour.component;

import java.time.Duration;
import java.util.Properties;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context whose {@code sixtyfour} component talks to a fresh emulator, started before and stopped after
 * each test. Retry backoffs are short so that retry tests stay quick.
 */
abstract class SixtyfourTestSupport {

    static final String COMPANY_RUN = "sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID;
    static final String RUN_PATH = "/workflows/run";

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(50)));

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties());
        SixtyfourComponent component = new SixtyfourComponent();
        SixtyfourConfiguration config = component.getConfiguration();
        config.setApiKey(EmulatorDefaults.DEFAULT_API_KEY);
        config.setBaseUri(emulator().baseUri().toString());
        config.setRetryInitialDelay(10);
        config.setRetryMaxDelay(50);
        configure(component);
        context.addComponent("sixtyfour", component);

        RoutesBuilder routes = routes();
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    /** Adjusts the component before the context starts. */
    void configure(SixtyfourComponent component) {
    }

    /** Properties the routes resolve as {@code {{name}}} placeholders. */
    Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("workflow.id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        return properties;
    }

    /** The routes of the test, or null for tests that send straight to endpoints. */
    RoutesBuilder routes() {
        return null;
    }

    static SixtyfourEmulator emulator() {
        return EMULATOR.emulator();
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, exchange -> exchange.getMessage().setBody(body));
    }
}

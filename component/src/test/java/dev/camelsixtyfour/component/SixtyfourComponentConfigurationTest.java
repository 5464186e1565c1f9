package dev.camelsixtyfour.component;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SixtyfourComponentConfigurationTest {

    private static final String SECRET = "sk-config+test&key=1";

    private CamelContext context;
    private SixtyfourComponent component;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        component = new SixtyfourComponent();
        context.addComponent("sixtyfour", component);
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void missingApiKeyFailsAtOnceNamingTheOptionAndTheUri() {
        assertThatThrownBy(() -> context.getEndpoint("sixtyfour:workflow?id=wf-1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("apiKey option is required")
                .hasMessageContaining("sixtyfour://workflow?id=wf-1");
    }

    @Test
    void missingWorkflowIdFailsAtOnceWithoutShowingTheKey() {
        assertThatThrownBy(() -> context.getEndpoint("sixtyfour:workflow?apiKey=RAW(" + SECRET + ")"))
                .hasMessageContaining("id option (the workflow id) is required")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void unknownKindFailsNamingTheKinds() {
        assertThatThrownBy(() -> context.getEndpoint("sixtyfour:workflows?apiKey=RAW(" + SECRET + ")&id=wf-1"))
                .hasMessageContaining("Unknown Sixtyfour endpoint kind 'workflows'")
                .hasMessageContaining("[workflow, runs, webhook]")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void endpointOptionsOverrideTheComponentDefaults() {
        component.getConfiguration().setApiKey("component-key");
        component.getConfiguration().setId(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        component.getConfiguration().setMaxRetries(7);

        SixtyfourEndpoint defaults = context.getEndpoint("sixtyfour:workflow", SixtyfourEndpoint.class);
        SixtyfourEndpoint overridden = context.getEndpoint("sixtyfour:workflow?id=other&maxRetries=1&apiKey=endpoint-key",
                SixtyfourEndpoint.class);

        assertThat(defaults.getConfiguration().getId()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(defaults.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(overridden.getConfiguration().getId()).isEqualTo("other");
        assertThat(overridden.getConfiguration().getMaxRetries()).isEqualTo(1);
        assertThat(overridden.getConfiguration().getApiKey()).isEqualTo("endpoint-key");
        assertThat(component.getConfiguration().getApiKey()).isEqualTo("component-key");
    }

    @Test
    void durationsAcceptUnits() {
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:workflow?id=wf&apiKey=k&requestTimeout=2m"
                                                         + "&maxRetryAfter=90s&retryInitialDelay=250",
                SixtyfourEndpoint.class);

        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(120_000);
        assertThat(endpoint.getConfiguration().getMaxRetryAfter()).isEqualTo(90_000);
        assertThat(endpoint.getConfiguration().getRetryInitialDelay()).isEqualTo(250);
    }

    @Test
    void endpointToStringMasksTheKey() {
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:workflow?id=wf&apiKey=RAW(" + SECRET + ")",
                SixtyfourEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain(SECRET).contains("apiKey=xxxxxx");
    }

    @Test
    void aWebhookEndpointHasNoProducer() {
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:webhook", SixtyfourEndpoint.class);

        assertThatThrownBy(endpoint::createProducer).hasMessageContaining("only receives deliveries");
    }

    @Test
    void anUnknownResultFormatFailsNamingTheOption() {
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:workflow?id=wf&apiKey=k&resultFormats=csv,xml",
                SixtyfourEndpoint.class);

        assertThatThrownBy(endpoint::createProducer).hasMessageContaining("resultFormats")
                .hasMessageContaining("'xml'");
    }

    @Test
    void aSpecsOverrideThatIsNoJsonObjectFailsNamingTheOption() {
        SixtyfourEndpoint endpoint = context.getEndpoint("sixtyfour:workflow?id=wf&apiKey=k&specsOverride=[1]",
                SixtyfourEndpoint.class);

        assertThatThrownBy(endpoint::createProducer).hasMessageContaining("specsOverride option must be a JSON object");
    }
}

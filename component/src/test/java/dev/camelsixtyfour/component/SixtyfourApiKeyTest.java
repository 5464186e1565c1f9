package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * An API key reaches the service exactly as given, whichever way it is configured. The keys hold the characters
 * that URI handling likes to change: + & % = / ? # space and an encoded-looking %2B.
 */
class SixtyfourApiKeyTest {

    /** Set by the build as environment variables of the test JVM (see the surefire configuration). */
    static final String ENV_KEY = "env+key&with=odd%25chars/?#==";
    static final String ENV_NAME = "SIXTYFOUR_TEST_API_KEY";
    // Known limitation: Camel's RAW() turns the literal sequence %25 into %, so a key used in a URI avoids it.
    static final String URI_ENV_KEY = "uri+env&key=100%real/?#==";
    static final String URI_ENV_NAME = "SIXTYFOUR_TEST_URI_API_KEY";

    private static final String PLUS_AND = "sk+live&scope=all%2Bmore==";
    private static final String SPACES = "key with spaces / and ? marks #1";
    private static final String PAREN = "k)ey(with)parens%";

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(builder -> builder
            .apiKey(PLUS_AND, EmulatorDefaults.DEFAULT_ORG_ID)
            .apiKey(SPACES, EmulatorDefaults.DEFAULT_ORG_ID)
            .apiKey(PAREN, EmulatorDefaults.DEFAULT_ORG_ID)
            .apiKey(ENV_KEY, EmulatorDefaults.DEFAULT_ORG_ID)
            .apiKey(URI_ENV_KEY, EmulatorDefaults.DEFAULT_ORG_ID));

    private static final String RUN = "sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID;

    static Stream<Arguments> configurations() {
        return Stream.of(
                arguments("component option", PLUS_AND,
                        (BiConsumer<CamelContext, String>) (context, key) -> component(context).getConfiguration()
                                .setApiKey(key), RUN),
                arguments("component option with spaces", SPACES,
                        (BiConsumer<CamelContext, String>) (context, key) -> component(context).getConfiguration()
                                .setApiKey(key), RUN),
                arguments("component option from a placeholder, as camel-main binds it", PLUS_AND,
                        (BiConsumer<CamelContext, String>) (context, key) -> {
                            context.getPropertiesComponent().addInitialProperty("sixtyfour.key", key);
                            bindComponentOption(context, "{{sixtyfour.key}}");
                        }, RUN),
                arguments("component option from an environment variable", ENV_KEY,
                        (BiConsumer<CamelContext, String>) (context, key) -> bindComponentOption(context,
                                "{{env:" + ENV_NAME + "}}"), RUN),
                arguments("property placeholder in RAW()", PLUS_AND, placeholder(),
                        RUN + "&apiKey=RAW({{sixtyfour.key}})"),
                arguments("property placeholder in RAW() with spaces", SPACES, placeholder(),
                        RUN + "&apiKey=RAW({{sixtyfour.key}})"),
                arguments("environment variable in RAW()", URI_ENV_KEY, nothing(),
                        RUN + "&apiKey=RAW({{env:" + URI_ENV_NAME + "}})"),
                arguments("RAW() in the URI", PLUS_AND, nothing(), RUN + "&apiKey=RAW(" + PLUS_AND + ")"),
                arguments("RAW() in the URI with spaces", SPACES, nothing(), RUN + "&apiKey=RAW(" + SPACES + ")"),
                arguments("RAW{} in the URI with parentheses", PAREN, nothing(), RUN + "&apiKey=RAW{" + PAREN + "}"));
    }

    @ParameterizedTest(name = "configured as {0}, the key arrives exactly")
    @MethodSource("configurations")
    void keyArrivesExactlyAsGiven(String way, String key, BiConsumer<CamelContext, String> setUp, String uri)
            throws Exception {
        try (CamelContext context = newContext()) {
            setUp.accept(context, key);
            context.start();

            Exchange result = context.createProducerTemplate().send(uri,
                    exchange -> exchange.getMessage().setBody(List.of(Map.of("symbol", "MMM", "name", "3M"))));

            assertThat(result.getException()).isNull();
            assertThat(EMULATOR.emulator().requests("/workflows/run")).singleElement()
                    .satisfies(request -> assertThat(request.header("x-api-key")).isEqualTo(key));
        }
    }

    @ParameterizedTest(name = "in YAML route parameters, the key {0} arrives exactly")
    @MethodSource("yamlKeys")
    void keyInYamlParametersArrivesExactly(String key) throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:enrich
                      steps:
                        - to:
                            uri: sixtyfour:workflow
                            parameters:
                              id: "%s"
                              apiKey: "RAW(%s)"
                """.formatted(EmulatorDefaults.COMPANY_WORKFLOW_ID, key);
        try (CamelContext context = newContext()) {
            context.start();
            Resource resource = ResourceHelper.fromString("enrich.yaml", yaml);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);

            Exchange result = context.createProducerTemplate().send("direct:enrich",
                    exchange -> exchange.getMessage().setBody(List.of(Map.of("symbol", "MMM", "name", "3M"))));

            assertThat(result.getException()).isNull();
            assertThat(EMULATOR.emulator().requests("/workflows/run")).singleElement()
                    .satisfies(request -> assertThat(request.header("x-api-key")).isEqualTo(key));
        }
    }

    static Stream<String> yamlKeys() {
        return Stream.of(PLUS_AND, SPACES);
    }

    private static CamelContext newContext() {
        CamelContext context = new DefaultCamelContext();
        SixtyfourComponent component = new SixtyfourComponent();
        component.getConfiguration().setBaseUri(EMULATOR.emulator().baseUri().toString());
        context.addComponent("sixtyfour", component);
        return context;
    }

    private static SixtyfourComponent component(CamelContext context) {
        return context.getComponent("sixtyfour", SixtyfourComponent.class);
    }

    /** Binds the apiKey component option the way camel-main binds camel.component.sixtyfour.api-key. */
    private static void bindComponentOption(CamelContext context, String value) {
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("sixtyfour-component", context);
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component(context))
                .withConfigurer(configurer).withReflection(false)
                .withProperty("api-key", value).bind();
    }

    private static BiConsumer<CamelContext, String> placeholder() {
        return (context, key) -> context.getPropertiesComponent().addInitialProperty("sixtyfour.key", key);
    }

    private static BiConsumer<CamelContext, String> nothing() {
        return (context, key) -> {
        };
    }
}

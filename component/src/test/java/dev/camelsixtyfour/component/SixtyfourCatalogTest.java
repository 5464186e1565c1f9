package dev.camelsixtyfour.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog entry that camel-package-maven-plugin generated, read from the classpath as tools read it. */
class SixtyfourCatalogTest {

    static final String CATALOG = "META-INF/dev/camelsixtyfour/component/sixtyfour.json";
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(key|secret|password|token|credential).*");
    private static final List<String> NOT_CREDENTIALS = List.of("idempotencyKey");

    @Test
    void everyOptionAndHeaderHasADescription() throws IOException {
        ComponentModel model = catalog();

        assertThat(allOptions(model)).isNotEmpty()
                .allSatisfy(option -> assertThat(option.getDescription()).as(option.getName()).isNotBlank());
    }

    @Test
    void everyCredentialIsSecret() throws IOException {
        List<BaseOptionModel> credentials = allOptions(catalog()).stream()
                .filter(option -> CREDENTIAL.matcher(option.getName()).matches())
                .filter(option -> !(option instanceof ComponentModel.EndpointHeaderModel))
                .filter(option -> !NOT_CREDENTIALS.contains(option.getName()))
                .toList();

        assertThat(credentials).extracting(BaseOptionModel::getName).contains("apiKey");
        assertThat(credentials).allSatisfy(option -> assertThat(option.isSecret()).as(option.getName()).isTrue());
    }

    @Test
    void everyOptionHasALabel() throws IOException {
        ComponentModel model = catalog();

        assertThat(model.getEndpointParameterOptions())
                .allSatisfy(option -> assertThat(option.getLabel()).as(option.getName()).isNotBlank());
    }

    @Test
    void theOperationOptionListsEveryOperation() throws IOException {
        ComponentModel model = catalog();

        assertThat(model.getEndpointParameterOptions()).filteredOn(option -> option.getName().equals("operation"))
                .singleElement()
                .satisfies(option -> assertThat(option.getEnums()).containsExactly(
                        "run", "status", "runs", "cancel", "results", "runAndWait"));
    }

    @Test
    void theComponentIsListedAsAsynchronous() throws IOException {
        assertThat(catalog().isAsync()).isTrue();
    }

    @Test
    void everyHeaderIsACamelSixtyfourHeader() throws IOException {
        assertThat(catalog().getEndpointHeaders()).isNotEmpty()
                .allSatisfy(header -> assertThat(header.getName()).startsWith("CamelSixtyfour"));
    }

    @Test
    void generatedConfigurersShipAndAreUsed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PropertyConfigurer componentConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("sixtyfour-component", context);
            PropertyConfigurer endpointConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("sixtyfour-endpoint", context);

            assertThat(componentConfigurer).isInstanceOf(SixtyfourComponentConfigurer.class);
            assertThat(endpointConfigurer).isInstanceOf(SixtyfourEndpointConfigurer.class);
        }
    }

    static ComponentModel catalog() throws IOException {
        try (InputStream in = SixtyfourCatalogTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(in).as(CATALOG + " on the classpath").isNotNull();
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<BaseOptionModel> allOptions(ComponentModel model) {
        List<BaseOptionModel> options = new ArrayList<>();
        options.addAll(model.getComponentOptions());
        options.addAll(model.getEndpointOptions());
        options.addAll(model.getEndpointHeaders());
        return options;
    }
}

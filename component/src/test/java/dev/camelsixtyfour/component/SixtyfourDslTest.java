package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourDslTest extends SixtyfourTestSupport {

    private static final String YAML_ROUTE = """
            - route:
                id: enrich-companies
                from:
                  uri: direct:enrich
                  steps:
                    - to:
                        uri: sixtyfour:workflow
                        parameters:
                          id: "{{workflow.id}}"
                          saveJson: true
                          resultFormats: csv,json
                    - setHeader:
                        name: started
                        simple: "${header.CamelSixtyfourJobId}"
            """;

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @ParameterizedTest(name = "a {0} DSL route starts one run and reports it")
    @ValueSource(strings = { "Java", "YAML" })
    void routeStartsOneRunAndReportsIt(String dsl) throws Exception {
        if ("Java".equals(dsl)) {
            context.addRoutes(javaRoute());
        } else {
            Resource resource = ResourceHelper.fromString("enrich-companies.yaml", YAML_ROUTE);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        }

        Exchange result = send("direct:enrich", ROWS);

        assertThat(result.getException()).isNull();
        String jobId = emulator().runs().get(0).jobId();
        assertThat(result.getMessage().getHeader("started")).isEqualTo(jobId);
        assertThat(result.getMessage().getBody(RunStarted.class).jobId()).isEqualTo(jobId);
        assertThat(emulator().runs()).singleElement().satisfies(run -> {
            assertThat(run.workflowId()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
            assertThat(run.saveJson()).isTrue();
        });
        assertThat(emulator().requests(RUN_PATH).get(0).queryParameters().get("result_formats"))
                .containsExactly("csv", "json");
    }

    private static RouteBuilder javaRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enrich").routeId("enrich-companies")
                        .to("sixtyfour:workflow?id={{workflow.id}}&saveJson=true&resultFormats=csv,json")
                        .setHeader("started", header(SixtyfourConstants.JOB_ID));
            }
        };
    }
}

package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.RabbitMqResource;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/** The RabbitMQ example YAML route (examples/yaml-route) loaded beside the app, on this run's queue. */
@QuarkusTest
@TestProfile(RabbitMqYamlRouteExampleTest.RabbitMqYamlRouteProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RabbitMqResource.class, restrictToAnnotatedClass = true)
class RabbitMqYamlRouteExampleTest {

    /** The plain route maps nothing: its messages carry the workflow's own columns. */
    @Test
    void eachMessageWithOrWithoutAnIdStartsOneRunOfItsRows() {
        RabbitMqResource.send(Sp500Rows.jsonArray(workflowRecords(400, 410)), "yaml-400");
        RabbitMqResource.send(Sp500Rows.jsonArray(workflowRecords(410, 420)), null);

        List<String> symbols = Sp500Rows.symbols(Sp500Rows.slice(400, 420));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(EmulatorResource.emulator().runs()).hasSize(2);
        assertThat(Sp500Rows.sentSymbols()).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(RabbitMqResource.messageCount(RabbitMqResource.queue())).isZero();
    }

    private static List<Map<String, String>> workflowRecords(int from, int to) {
        return Sp500Rows.slice(from, to).stream()
                .map(row -> Map.of("symbol", row.get("Symbol"), "name", row.get("Security")))
                .toList();
    }

    public static class RabbitMqYamlRouteProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "camel.main.routes-include-pattern", "file:../examples/yaml-route/rabbitmq-queue-route.yaml",
                    "leads.queue", "{{sixtyfour-test.rabbitmq-queue}}",
                    "leads.workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        }
    }
}

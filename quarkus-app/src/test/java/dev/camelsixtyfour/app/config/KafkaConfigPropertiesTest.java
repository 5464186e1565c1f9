package dev.camelsixtyfour.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;

/** A kafka source's client properties keep their dotted names when written as plain YAML keys. */
class KafkaConfigPropertiesTest {

    @Test
    void dottedYamlKeysBecomeWholeClientPropertyNames() throws IOException {
        String yaml = """
                kafka:
                  topic: orders
                  properties:
                    security.protocol: SASL_SSL
                    sasl.jaas.config: secret-module required;
                """;
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new YamlConfigSource("test.yaml", yaml))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(KafkaConfig.class, "kafka")
                .build();

        assertThat(config.getConfigMapping(KafkaConfig.class, "kafka").properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret-module required;")
                .hasSize(2);
    }
}

package dev.camelsixtyfour.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;

import dev.camelsixtyfour.app.config.PipelineConfig;
import dev.camelsixtyfour.app.config.RunArrival;
import dev.camelsixtyfour.app.config.SinkConfig.SinkType;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;

/** The sink and webhook examples are valid app configuration: every key they set maps to an option. */
class SinkExamplesConfigTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Map<String, String> ENVIRONMENT = Map.of("SIXTYFOUR_WORKFLOW_ID", "wf-1",
            "CRM_CALLBACK_TOKEN", "t", "BROKER_USER", "u", "BROKER_PASSWORD", "p",
            "SIXTYFOUR_WEBHOOK_SIGNING_SECRET", "sk_whsec_example");

    @Test
    void sinksExampleDeliversToAnHttpCallback() throws IOException {
        PipelineConfig companies = load("sinks").pipelines().get("companies");

        assertThat(companies.output().sink().type()).isEqualTo(SinkType.HTTP);
        assertThat(companies.output().sink().http().url()).isPresent();
    }

    @Test
    void webhookResultsExampleAwaitsWebhooksAndDeliversToAQueue() throws IOException {
        SixtyfourAppConfig config = load("webhook-results");
        PipelineConfig companies = config.pipelines().get("companies");

        assertThat(companies.run().arrival()).isEqualTo(RunArrival.WEBHOOK);
        assertThat(companies.output().sink().type()).isEqualTo(SinkType.JMS);
        assertThat(config.webhook().signingSecret()).contains("sk_whsec_example");
    }

    private static SixtyfourAppConfig load(String example) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new YamlConfigSource(EXAMPLES.resolve(example).resolve("application.yaml").toUri()
                        .toURL()))
                .withSources(new PropertiesConfigSource(ENVIRONMENT, "environment", 300))
                .addDefaultInterceptors()
                .addSystemSources()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(SixtyfourAppConfig.class)
                .withValidateUnknown(true)
                .build();
        return config.getConfigMapping(SixtyfourAppConfig.class);
    }
}

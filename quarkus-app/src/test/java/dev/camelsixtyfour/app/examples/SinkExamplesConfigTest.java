package dev.camelsixtyfour.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;

import dev.camelsixtyfour.app.config.PipelineConfig;
import dev.camelsixtyfour.app.config.RunArrival;
import dev.camelsixtyfour.app.config.SinkConfig;
import dev.camelsixtyfour.app.config.SinkConfig.SinkType;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;

/** The sink and webhook examples are valid app configuration: every key they set maps to an option. */
class SinkExamplesConfigTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String SIGNING_SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final Map<String, String> ENVIRONMENT = Map.of("SIXTYFOUR_WORKFLOW_ID", "wf-1",
            "CRM_CALLBACK_TOKEN", "t", "BROKER_USER", "u", "BROKER_PASSWORD", "p", "KAFKA_JAAS_CONFIG", "j",
            "SIXTYFOUR_WEBHOOK_SIGNING_SECRET", SIGNING_SECRET);

    @Test
    void sinksExampleDeliversToAnHttpCallback() throws IOException {
        PipelineConfig companies = load("sinks").pipelines().get("companies");

        assertThat(companies.output().sink().type()).isEqualTo(SinkType.HTTP);
        assertThat(companies.output().sink().http().url()).isPresent();
    }

    @Test
    void sinksExampleRabbitMqAlternativePublishesToAnExchange(@TempDir Path folder) throws IOException {
        SinkConfig sink = alternative(folder, "rabbitmq").pipelines().get("companies").output().sink();

        assertThat(sink.type()).isEqualTo(SinkType.RABBITMQ);
        assertThat(sink.rabbitmq().exchange()).contains("enriched");
        assertThat(sink.rabbitmq().password()).contains("p");
    }

    @Test
    void sinksExampleKafkaAlternativePassesItsClientProperties(@TempDir Path folder) throws IOException {
        SinkConfig sink = alternative(folder, "kafka").pipelines().get("companies").output().sink();

        assertThat(sink.type()).isEqualTo(SinkType.KAFKA);
        assertThat(sink.kafka().topic()).contains("enriched.companies");
        assertThat(sink.kafka().properties()).containsEntry("sasl.jaas.config", "j");
    }

    @Test
    void webhookResultsExampleAwaitsWebhooksAndDeliversToAQueue() throws IOException {
        SixtyfourAppConfig config = load("webhook-results");
        PipelineConfig companies = config.pipelines().get("companies");

        assertThat(companies.run().arrival()).isEqualTo(RunArrival.WEBHOOK);
        assertThat(companies.output().sink().type()).isEqualTo(SinkType.JMS);
        assertThat(config.webhook().signingSecret()).contains(SIGNING_SECRET);
    }

    /**
     * The sinks example with its active {@code sink:} block replaced by the commented alternative of {@code type},
     * uncommented.
     */
    private static SixtyfourAppConfig alternative(Path folder, String type) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("sinks").resolve("application.yaml"));
        int active = lines.indexOf("        sink:");
        int activeEnd = lines.subList(active, lines.size()).indexOf("") + active;
        int start = lines.indexOf("        #   type: " + type) - 1;
        List<String> example = new ArrayList<>(lines.subList(0, active));
        for (int line = start; line < lines.size() && lines.get(line).startsWith("        # "); line++) {
            example.add("        " + lines.get(line).substring("        # ".length()));
        }
        example.addAll(lines.subList(activeEnd, lines.size()));
        Path file = folder.resolve("application.yaml");
        Files.write(file, example);
        return load(file);
    }

    private static SixtyfourAppConfig load(String example) throws IOException {
        return load(EXAMPLES.resolve(example).resolve("application.yaml"));
    }

    private static SixtyfourAppConfig load(Path yaml) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new YamlConfigSource(yaml.toUri().toURL()))
                .withSources(new PropertiesConfigSource(ENVIRONMENT, "environment", 300))
                // Only the system property the options' defaults name: others, left behind by test resources of
                // earlier tests in this JVM, must not leak into the example.
                .withSources(new PropertiesConfigSource(Map.of("user.home", System.getProperty("user.home")),
                        "system", 400))
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(SixtyfourAppConfig.class)
                .withValidateUnknown(true)
                .build();
        return config.getConfigMapping(SixtyfourAppConfig.class);
    }
}

package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One pipeline, {@code events}, onto the COMPANY workflow from a Kafka topic of the broker {@link KafkaResource}
 * names, mapping the S&P 500 list's columns. A client property passes through to the Kafka clients.
 */
public class KafkaSourceProfile implements QuarkusTestProfile {

    public static final String PIPELINE = "events";
    public static final String CLIENT_ID = "sixtyfour-test-events";
    public static final int MAX_DELIVERIES = 3;
    /** A secret client property, unused on the PLAINTEXT listener: it must reach the client and nothing else. */
    public static final String JAAS_SECRET = "kafka-test-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        SourcesProfile.pipeline(config, PIPELINE, "kafka");
        String prefix = "sixtyfour.pipelines." + PIPELINE + ".source.kafka.";
        config.put(prefix + "brokers", "${" + KafkaResource.BOOTSTRAP + "}");
        config.put(prefix + "topic", "${" + KafkaResource.TOPIC + "}");
        config.put(prefix + "group-id", "${" + KafkaResource.GROUP + "}");
        config.put(prefix + "max-deliveries", String.valueOf(MAX_DELIVERIES));
        config.put(prefix + "retry-delay", "100ms");
        config.put(prefix + "properties.\"client.id\"", CLIENT_ID);
        config.put(prefix + "properties.\"sasl.jaas.config\"",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"events\" password=\""
                        + JAAS_SECRET + "\";");
        return config;
    }
}

package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Pipelines fed by HTTP ingest (S&P 500 rows) whose results go to a broker ({@link BrokerSinksResource},
 * {@link KafkaResource}): a RabbitMQ queue (NDJSON), a RabbitMQ exchange (JSON), an exchange that does not exist
 * yet, a queue that never exists; a Kafka topic, and the same topic through a port where no broker listens yet,
 * with short client timeouts.
 */
public class BrokerSinksProfile implements QuarkusTestProfile {

    public static final String RABBIT_QUEUE = "rabbit-queue-out";
    public static final String RABBIT_EXCHANGE = "rabbit-exchange-out";
    public static final String RABBIT_MISSING = "rabbit-missing-out";
    public static final String RABBIT_ABSENT = "rabbit-absent-out";
    public static final String KAFKA = "kafka-out";
    public static final String KAFKA_CLOSED = "kafka-closed-out";
    /** A secret client property, unused on the PLAINTEXT listener: it must reach the client and nothing else. */
    public static final String KAFKA_SECRET = "kafka-sink-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("sixtyfour.ingest.token", SourcesProfile.INGEST_TOKEN);

        config.put(rabbitSink(config, RABBIT_QUEUE, "ndjson") + "queue", "${sixtyfour-test.sink-queue}");
        String exchange = rabbitSink(config, RABBIT_EXCHANGE, "json");
        config.put(exchange + "exchange", "${sixtyfour-test.sink-exchange}");
        config.put(exchange + "routing-key", BrokerSinksResource.ROUTING_KEY);
        String missing = rabbitSink(config, RABBIT_MISSING, "ndjson");
        config.put(missing + "exchange", "${sixtyfour-test.sink-missing-exchange}");
        config.put(missing + "routing-key", BrokerSinksResource.ROUTING_KEY);
        config.put(rabbitSink(config, RABBIT_ABSENT, "ndjson") + "queue", "${sixtyfour-test.sink-absent-queue}");

        kafkaSink(config, KAFKA, "${" + KafkaResource.BOOTSTRAP + "}");
        String closed = kafkaSink(config, KAFKA_CLOSED, "${sixtyfour-test.kafka-closed-bootstrap}");
        config.put(closed + "properties.\"max.block.ms\"", "1000");
        config.put(closed + "properties.\"request.timeout.ms\"", "1000");
        config.put(closed + "properties.\"delivery.timeout.ms\"", "2000");
        return config;
    }

    /** Returns the prefix of the pipeline's {@code output.sink.rabbitmq.*} options. */
    private static String rabbitSink(Map<String, String> config, String name, String format) {
        String sink = SinksProfile.pipeline(config, name, EmulatorDefaults.COMPANY_WORKFLOW_ID) + "output.sink.";
        config.put(sink + "type", "rabbitmq");
        String rabbit = sink + "rabbitmq.";
        config.put(rabbit + "host", RabbitMqResource.HOST);
        config.put(rabbit + "port", String.valueOf(RabbitMqResource.PORT));
        config.put(rabbit + "username", RabbitMqResource.USERNAME);
        config.put(rabbit + "password", RabbitMqResource.PASSWORD);
        config.put(rabbit + "format", format);
        return rabbit;
    }

    private static String kafkaSink(Map<String, String> config, String name, String brokers) {
        String sink = SinksProfile.pipeline(config, name, EmulatorDefaults.COMPANY_WORKFLOW_ID) + "output.sink.";
        config.put(sink + "type", "kafka");
        String kafka = sink + "kafka.";
        config.put(kafka + "brokers", brokers);
        config.put(kafka + "topic", "${" + KafkaResource.TOPIC + "}");
        config.put(kafka + "properties.\"client.id\"", "sixtyfour-test-" + name);
        config.put(kafka + "properties.\"sasl.jaas.config\"",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"sink\" password=\""
                        + KAFKA_SECRET + "\";");
        return kafka;
    }
}

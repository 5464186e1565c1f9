package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One pipeline, {@code rabbit}, onto the COMPANY workflow from a RabbitMQ quorum queue of the machine's broker,
 * named per test run by {@link RabbitMqResource}; it maps the S&P 500 list's columns as the other source tests do.
 */
public class RabbitMqProfile implements QuarkusTestProfile {

    public static final String RABBIT = "rabbit";
    public static final int MAX_DELIVERIES = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        SourcesProfile.pipeline(config, RABBIT, "rabbitmq");
        String prefix = "sixtyfour.pipelines." + RABBIT + ".source.rabbitmq.";
        config.put(prefix + "host", RabbitMqResource.HOST);
        config.put(prefix + "port", String.valueOf(RabbitMqResource.PORT));
        config.put(prefix + "username", RabbitMqResource.USERNAME);
        config.put(prefix + "password", RabbitMqResource.PASSWORD);
        config.put(prefix + "queue", "${sixtyfour-test.rabbitmq-queue}");
        config.put(prefix + "max-deliveries", String.valueOf(MAX_DELIVERIES));
        return config;
    }
}

package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Three pipelines onto the COMPANY workflow, one per non-file source: {@code web} (HTTP ingest), {@code core} (an
 * Artemis queue over CORE) and {@code amqp} (an Artemis queue over AMQP 1.0). All map the S&P 500 list's columns.
 */
public class SourcesProfile implements QuarkusTestProfile {

    public static final String HTTP = "web";
    public static final String CORE = "core";
    public static final String AMQP = "amqp";
    public static final String CORE_QUEUE = "companies.core";
    public static final String AMQP_QUEUE = "companies.amqp";
    public static final String INGEST_TOKEN = "ingest-" + UUID.randomUUID();
    public static final int MAX_BODY_BYTES = 32 * 1024;
    public static final int MAX_DELIVERIES = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("sixtyfour.ingest.token", INGEST_TOKEN);
        config.put("sixtyfour.ingest.max-body-size", String.valueOf(MAX_BODY_BYTES));
        pipeline(config, HTTP, "http");
        pipeline(config, CORE, "jms");
        queue(config, CORE, CORE_QUEUE, "${sixtyfour-test.core-url}");
        pipeline(config, AMQP, "amqp");
        queue(config, AMQP, AMQP_QUEUE, "${sixtyfour-test.amqp-url}");
        return config;
    }

    /** The settings every source-test pipeline shares: the COMPANY workflow, the S&P 500 mapping, quick batches. */
    public static void pipeline(Map<String, String> config, String name, String sourceType) {
        String prefix = "sixtyfour.pipelines." + name + ".";
        config.put(prefix + "workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(prefix + "source.type", sourceType);
        config.put(prefix + "mapping.columns.symbol", "Symbol");
        config.put(prefix + "mapping.columns.name", "Security");
        config.put(prefix + "mapping.columns.sector", "GICS Sector");
        config.put(prefix + "mapping.columns.headquarters", "Headquarters Location");
        config.put(prefix + "batch.max-rows", "25");
        config.put(prefix + "batch.idle-timeout", "500ms");
        config.put(prefix + "batch.retry-interval", "500ms");
        config.put(prefix + "run.poll-interval", "100ms");
    }

    private static void queue(Map<String, String> config, String name, String destination, String brokerUrl) {
        String prefix = "sixtyfour.pipelines." + name + ".source.queue.";
        config.put(prefix + "destination", destination);
        config.put(prefix + "broker-url", brokerUrl);
        config.put(prefix + "max-deliveries", String.valueOf(MAX_DELIVERIES));
    }
}

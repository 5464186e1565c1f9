package dev.camelsixtyfour.app.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Two pipelines on two workflows: {@code json} reads JSON arrays into the COMPANY workflow and retries a rate-limited
 * trigger only after a long wait; {@code ndjson} reads NDJSON into the FIND_EMAIL workflow.
 */
public class FormatPipelinesProfile implements QuarkusTestProfile {

    public static final String JSON = "json";
    public static final String NDJSON = "ndjson";

    /** Long against the other pipeline's whole way through, so it is still waiting while the other completes. */
    private static final String JSON_RETRY_INTERVAL = "8s";

    public static Path inbox(String pipeline) {
        return EmulatorResource.root().resolve("inbox").resolve(pipeline);
    }

    public static Path out(String pipeline) {
        return EmulatorResource.root().resolve("out").resolve(pipeline);
    }

    /** Waits until neither pipeline owes a batch, then clears the emulator's runs and faults. */
    public static void resetOnceIdle(BatchStore batches) {
        EmulatorResource.resetOnceIdle(batches, JSON);
        EmulatorResource.resetOnceIdle(batches, NDJSON);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String json = "sixtyfour.pipelines." + JSON + ".";
        source(json, config);
        InboxPipelineProfile.companiesForTests(json, config);
        config.put(json + "format.type", "json");
        config.put(json + "batch.retry-interval", JSON_RETRY_INTERVAL);

        String ndjson = "sixtyfour.pipelines." + NDJSON + ".";
        source(ndjson, config);
        InboxPipelineProfile.companiesForTests(ndjson, config);
        config.put(ndjson + "format.type", "ndjson");
        config.put(ndjson + "workflow-id", EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID);
        config.put(ndjson + "mapping.columns.company", "Security");
        return config;
    }

    private static void source(String prefix, Map<String, String> config) {
        String pipeline = prefix.substring("sixtyfour.pipelines.".length(), prefix.length() - 1);
        config.put(prefix + "source.directory", "${sixtyfour-test.root}/inbox/" + pipeline);
        config.put(prefix + "source.stable-for", "300ms");
        config.put(prefix + "source.poll-interval", "200ms");
    }
}

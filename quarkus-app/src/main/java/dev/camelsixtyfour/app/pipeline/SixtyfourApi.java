package dev.camelsixtyfour.app.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;

/**
 * Where the app finds the Sixtyfour API. Normally that is {@code sixtyfour.api.*}; in the demo profile
 * ({@code sixtyfour.demo.embedded-emulator=true}) with no API key configured, the bundled emulator is started
 * in-process on 127.0.0.1 and serves as the API, so {@code bin/demo} needs nothing else. With SIXTYFOUR_API_KEY set
 * (and SIXTYFOUR_WORKFLOW_ID), the same demo runs against the real service.
 */
@ApplicationScoped
public class SixtyfourApi {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourApi.class);
    private static final Duration DEMO_RUN_STEP = Duration.ofMillis(100);

    private final String baseUri;
    private final String apiKey;
    private final SixtyfourEmulator emulator;

    @Inject
    public SixtyfourApi(SixtyfourAppConfig config) {
        boolean noKey = config.api().key().filter(key -> !key.isBlank()).isEmpty();
        if (config.demo().embeddedEmulator() && noKey) {
            emulator = SixtyfourEmulator.builder().port(0).runStepDuration(DEMO_RUN_STEP).build().start();
            baseUri = emulator.baseUri().toString();
            apiKey = EmulatorDefaults.DEFAULT_API_KEY;
            LOG.info("Demo: the Sixtyfour emulator answers on {}; pipeline workflows: {}", baseUri,
                    workflowIds(config));
        } else {
            emulator = null;
            baseUri = config.api().baseUri();
            apiKey = config.api().key().filter(key -> !key.isBlank()).orElse(null);
        }
    }

    /** The workflow each pipeline sends to, as configured (SIXTYFOUR_WORKFLOW_ID in the demo), not assumed. */
    private static Map<String, String> workflowIds(SixtyfourAppConfig config) {
        Map<String, String> ids = new TreeMap<>();
        config.pipelines().forEach((name, pipeline) -> ids.put(name, pipeline.workflowId()));
        return ids;
    }

    public String baseUri() {
        return baseUri;
    }

    /** The API key, or null when none is configured. */
    public String apiKey() {
        return apiKey;
    }

    @PreDestroy
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

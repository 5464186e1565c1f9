package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The application's configuration under {@code sixtyfour.*}: where the API is, where the app keeps its state, and
 * the pipelines it runs. Users define pipelines here, without writing Java.
 */
@ConfigMapping(prefix = "sixtyfour")
public interface SixtyfourAppConfig {

    /** How to reach the Sixtyfour API. */
    ApiConfig api();

    /** Where the app keeps files it writes (results, rejects, reports) unless a pipeline says otherwise. */
    @WithName("data-directory")
    @WithDefault("data")
    String dataDirectory();

    /** One-shot mode: process what is in the sources, print a summary and exit (used by {@code bin/demo}). */
    @WithName("one-shot")
    @WithDefault("false")
    boolean oneShot();

    DemoConfig demo();

    /** How a file that failed for a passing reason (API unreachable, 429, 5xx) is read again. */
    @WithName("file-retry")
    FileRetryConfig fileRetry();

    /** Where batches, file progress and processed-file keys are kept. */
    StoreConfig store();

    /** The HTTP ingest endpoint, POST /ingest/{pipeline}, of pipelines whose source type is {@code http}. */
    IngestConfig ingest();

    /** Where outgoing-webhook deliveries are received, for pipelines whose run.arrival is webhook. */
    WebhookConfig webhook();

    /** The pipelines, by name; the name becomes the prefix of every route id of the pipeline. */
    Map<String, PipelineConfig> pipelines();

    interface FileRetryConfig {

        /** Wait before the second attempt; each further attempt waits twice as long, up to {@code max-delay}. */
        @WithName("first-delay")
        @WithDefault("2s")
        Duration firstDelay();

        /** The longest wait between two attempts on one file. */
        @WithName("max-delay")
        @WithDefault("60s")
        Duration maxDelay();

        /** One-shot mode gives up on a file after this many attempts, reports why and exits non-zero. */
        @WithName("one-shot-attempts")
        @WithDefault("3")
        int oneShotAttempts();
    }

    interface DemoConfig {

        /** Start the bundled emulator in-process as the API when no API key is configured (bin/demo). */
        @WithName("embedded-emulator")
        @WithDefault("false")
        boolean embeddedEmulator();
    }

    interface StoreConfig {

        /**
         * The Quarkus datasource holding the app's state: {@code <default>} (the embedded H2 file database) or the
         * name of another configured datasource, e.g. {@code postgres}.
         */
        @WithDefault("<default>")
        String datasource();
    }

    interface ApiConfig {

        /** Base URI of the Sixtyfour API; tests and the demo point it at the emulator. */
        @WithName("base-uri")
        @WithDefault("https://api.sixtyfour.ai")
        String baseUri();

        /** The API key; set it through the SIXTYFOUR_API_KEY environment variable, never in a committed file. */
        @WithName("key")
        Optional<String> key();
    }
}

package dev.camelsixtyfour.app.config;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The HTTP ingest endpoint shared by every pipeline whose source type is {@code http}. */
public interface IngestConfig {

    /**
     * The bearer token callers must present ({@code Authorization: Bearer <token>}); the app's own credential, set
     * through the SIXTYFOUR_INGEST_TOKEN environment variable and never the Sixtyfour API key. Required as soon as
     * one pipeline has an {@code http} source.
     */
    Optional<String> token();

    /** Bodies larger than this are refused with 413 before they are read. */
    @WithName("max-body-size")
    @WithDefault("10M")
    MemorySize maxBodySize();
}

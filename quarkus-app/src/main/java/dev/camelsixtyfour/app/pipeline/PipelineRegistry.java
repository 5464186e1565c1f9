package dev.camelsixtyfour.app.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.camelsixtyfour.app.config.PipelineConfig;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.mapping.InputSchemaClient;

/** The enabled pipelines of the configuration, in name order. */
@ApplicationScoped
public class PipelineRegistry {

    private final List<Pipeline> pipelines = new ArrayList<>();
    private final SixtyfourApi api;

    @Inject
    public PipelineRegistry(SixtyfourAppConfig config, SixtyfourApi api) {
        this.api = api;
        if (config.pipelines().isEmpty()) {
            return;
        }
        InputSchemaClient schemaClient = new InputSchemaClient(api.baseUri(), apiKey());
        int index = 0;
        for (Map.Entry<String, PipelineConfig> entry : new TreeMap<>(config.pipelines()).entrySet()) {
            if (entry.getValue().enabled()) {
                Path output = entry.getValue().output().directory().map(Path::of)
                        .orElse(Path.of(config.dataDirectory(), entry.getKey()));
                pipelines.add(new Pipeline(entry.getKey(), index++, entry.getValue(), output, schemaClient));
            }
        }
    }

    public List<Pipeline> pipelines() {
        return List.copyOf(pipelines);
    }

    public String baseUri() {
        return api.baseUri();
    }

    public boolean hasApiKey() {
        return api.apiKey() != null;
    }

    /** The API key, from {@code sixtyfour.api.key} (by default the SIXTYFOUR_API_KEY environment variable). */
    public String apiKey() {
        return Optional.ofNullable(api.apiKey()).orElseThrow(() -> new IllegalStateException(
                "No Sixtyfour API key: set the SIXTYFOUR_API_KEY environment variable (or sixtyfour.api.key)"));
    }
}

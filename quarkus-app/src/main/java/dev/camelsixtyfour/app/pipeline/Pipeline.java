package dev.camelsixtyfour.app.pipeline;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import dev.camelsixtyfour.app.config.PipelineConfig;
import dev.camelsixtyfour.app.mapping.InputSchemaClient;
import dev.camelsixtyfour.app.mapping.RowMapper;
import dev.camelsixtyfour.app.mapping.RowValidator;

/**
 * One configured pipeline at run time: its settings, its folders, its mapper and (read from the workflow once,
 * on the first file) its validator.
 */
public final class Pipeline {

    private final String name;
    private final int index;
    private final PipelineConfig config;
    private final PipelinePaths paths;
    private final RowMapper mapper;
    private final InputSchemaClient schemaClient;
    private volatile RowValidator validator;

    public Pipeline(String name, int index, PipelineConfig config, Path outputDirectory,
                    InputSchemaClient schemaClient) {
        this.name = name;
        this.index = index;
        this.config = config;
        this.paths = new PipelinePaths(outputDirectory);
        this.mapper = new RowMapper(config.mapping());
        this.schemaClient = schemaClient;
    }

    public String name() {
        return name;
    }

    /** The pipeline's position among the configured ones; orders its routes' start and stop. */
    public int index() {
        return index;
    }

    public PipelineConfig config() {
        return config;
    }

    public PipelinePaths paths() {
        return paths;
    }

    public RowMapper mapper() {
        return mapper;
    }

    public String routeId(String stage) {
        return name + "-" + stage;
    }

    public String endpoint(String stage) {
        return "direct:" + routeId(stage);
    }

    /**
     * The validator, built on first use from the workflow's input_schema plus the pipeline's own required columns;
     * fails (and is retried with the next file) while the workflow cannot be read.
     */
    public RowValidator validator() {
        RowValidator current = validator;
        if (current == null) {
            Set<String> required = new HashSet<>(schemaClient.requiredColumns(config.workflowId()));
            config.mapping().required().ifPresent(required::addAll);
            current = new RowValidator(required);
            validator = current;
        }
        return current;
    }
}

package dev.camelsixtyfour.app.source;

import java.util.EnumSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;

/**
 * The shape shared by the route builders of sources that deliver messages rather than files (queues, topics,
 * mailboxes): each builds one {@code <name>-source} route per pipeline of its kinds, in the source slot of the
 * pipeline's startup order, handing every payload to the pipeline's batches through a {@link PayloadIntake}.
 */
public abstract class MessageSourceRoutes extends RouteBuilder {

    /** The source slot of PipelineRoutes' startup order, which it leaves free for pipelines without a folder. */
    private static final int SOURCE_STAGE = 6;

    private final Set<SourceType> kinds;
    private PipelineRegistry registry;
    private BatchStore store;
    private PipelineMetrics metrics;

    protected MessageSourceRoutes(SourceType first, SourceType... others) {
        this.kinds = EnumSet.of(first, others);
    }

    @Inject
    public void setUp(PipelineRegistry registry, BatchStore store, PipelineMetrics metrics) {
        this.registry = registry;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        registry.pipelines().stream()
                .filter(pipeline -> kinds.contains(pipeline.config().source().type()))
                .forEach(this::sourceRoute);
    }

    /** Builds the pipeline's source route, starting it with {@link #asSource}. */
    protected abstract void sourceRoute(Pipeline pipeline);

    /** Names the route {@code <name>-source} and puts it in the pipeline's startup order. */
    protected RouteDefinition asSource(Pipeline pipeline, RouteDefinition route) {
        return route.routeId(pipeline.routeId("source")).startupOrder(1000 + pipeline.index() * 10 + SOURCE_STAGE);
    }

    /** A new intake of whole payloads into the pipeline's batches. */
    protected PayloadIntake payloads(Pipeline pipeline) {
        return new PayloadIntake(pipeline, store, metrics, getContext());
    }

    protected PipelineMetrics metrics() {
        return metrics;
    }
}

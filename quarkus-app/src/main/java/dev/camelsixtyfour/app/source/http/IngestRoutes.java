package dev.camelsixtyfour.app.source.http;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.source.PayloadIntake;

/**
 * {@code POST /ingest/{pipeline}} on the Quarkus HTTP server (Camel platform-http): one route serves every pipeline
 * whose source type is {@code http}. It starts after every pipeline's own routes, so a request always finds its
 * batch stage running.
 */
@ApplicationScoped
public class IngestRoutes extends RouteBuilder {

    public static final String PATH = "/ingest/{pipeline}";

    private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
    private static final int AFTER_EVERY_PIPELINE = 100_000;

    @Inject
    PipelineRegistry registry;

    @Inject
    BatchStore store;

    @Inject
    PipelineMetrics metrics;

    @Inject
    SixtyfourAppConfig config;

    @Override
    public void configure() {
        Map<String, PayloadIntake> intakes = registry.pipelines().stream()
                .filter(pipeline -> pipeline.config().source().type() == SourceType.HTTP)
                .collect(Collectors.toMap(Pipeline::name, this::intake));
        if (intakes.isEmpty()) {
            return;
        }
        IngestToken token = new IngestToken(config.ingest().token().orElse(null));
        // Known limitation: the HTTP server's own body cap (quarkus.http.limits.max-body-size, set to the ingest limit)
        // answers 413 with an empty body before this route runs, so the handler's JSON answer and WARN come only when
        // the server cap is higher.
        IngestHandler handler = new IngestHandler(token, intakes, config.ingest().maxBodySize().asLongValue());

        from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                .routeId("http-ingest").startupOrder(AFTER_EVERY_PIPELINE)
                .process(handler::handle);
        LOG.info("HTTP ingest: POST {} for pipelines {}", PATH, intakes.keySet());
    }

    private PayloadIntake intake(Pipeline pipeline) {
        return new PayloadIntake(pipeline, store, metrics, getContext());
    }
}

package dev.camelsixtyfour.app.results.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.SinkConfig.RetryConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;

/**
 * Each pipeline's {@code <name>-deliver} route, which the results stage calls once the outbox copy is written: it
 * hands the results to the pipeline's sink, retrying with exponential backoff, and parks them in
 * {@code undelivered/} once the retries are spent, so the route never blocks for longer than its retries and never
 * drops a batch. {@code <name>-redeliver} sends parked results an operator moved into {@code undelivered/replay/}.
 * With the {@code outbox} sink the deliver route does nothing: the outbox is the destination.
 */
@ApplicationScoped
public class SinkRoutes extends RouteBuilder {

    /**
     * Deliver routes start before, and stop after, every pipeline route (1000 + 10 per pipeline), below the 1000
     * from which Camel numbers routes that set no order; redeliver takes a slot PipelineRoutes leaves free.
     */
    private static final int DELIVER_ORDER = 100;
    private static final int REDELIVER_STAGE = 7;

    private static final Logger LOG = LoggerFactory.getLogger(SinkRoutes.class);

    private final List<ResultSink> sinks = new ArrayList<>();

    @Inject
    PipelineRegistry registry;

    @Override
    public void configure() {
        registry.pipelines().forEach(this::sinkRoutes);
    }

    /** The sinks' connections close with the app, after Camel has stopped the routes that use them. */
    @PreDestroy
    void closeSinks() {
        sinks.forEach(ResultSink::close);
    }

    private void sinkRoutes(Pipeline pipeline) {
        int deliverOrder = DELIVER_ORDER + pipeline.index();
        Optional<ResultSink> sink = ResultSinks.create(pipeline, getContext());
        if (sink.isEmpty()) {
            from(pipeline.endpoint("deliver"))
                    .routeId(pipeline.routeId("deliver")).startupOrder(deliverOrder)
                    .log(LoggingLevel.DEBUG, "Pipeline " + pipeline.name()
                            + ": batch ${header.SixtyfourAppBatchId} stays in the outbox (no sink)");
            return;
        }
        sinks.add(sink.get());
        SinkDelivery delivery = new SinkDelivery(pipeline, sink.get());
        deliverRoute(pipeline, delivery, deliverOrder);
        redeliverRoute(pipeline, delivery, 1000 + pipeline.index() * 10 + REDELIVER_STAGE);
        LOG.info("Pipeline {}: results delivered to {} after the outbox", pipeline.name(), sink.get().describe());
    }

    private void deliverRoute(Pipeline pipeline, SinkDelivery delivery, int order) {
        RetryConfig retry = pipeline.config().output().sink().retry();

        from(pipeline.endpoint("deliver"))
                .routeId(pipeline.routeId("deliver")).startupOrder(order)
                .onException(Exception.class)
                    // Known limitation: the waits between attempts hold the batch's thread, one of
                    // batch.concurrency, meanwhile.
                    .maximumRedeliveries(Math.max(0, retry.attempts() - 1))
                    .redeliveryDelay(retry.firstDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(2)
                    .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logStackTrace(false)
                    .handled(true)
                    .process(delivery::park)
                .end()
                .process(delivery::fromResults)
                .process(delivery::deliver);
    }

    private void redeliverRoute(Pipeline pipeline, SinkDelivery delivery, int order) {
        from("file:" + pipeline.paths().redeliver() + "?include=RAW(.*\\.ndjson)&move=.replayed&readLock=changed")
                .routeId(pipeline.routeId("redeliver")).startupOrder(order)
                .process(delivery::fromReplay)
                .to(pipeline.endpoint("deliver"));
    }
}

package dev.camelsixtyfour.app;

import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import dev.camelsixtyfour.app.arrival.AwaitedRuns;
import dev.camelsixtyfour.app.arrival.WebhookArrival;
import dev.camelsixtyfour.app.batch.BatchAggregationStrategy;
import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.source.AlreadyProcessedFiles;
import dev.camelsixtyfour.app.source.FileIntake;
import dev.camelsixtyfour.app.source.FileRetries;
import dev.camelsixtyfour.app.source.RowIntake;
import dev.camelsixtyfour.app.source.SourceUris;
import dev.camelsixtyfour.app.trigger.BatchReplay;
import dev.camelsixtyfour.app.trigger.BatchTrigger;
import dev.camelsixtyfour.app.trigger.RunFollower;
import dev.camelsixtyfour.component.SixtyfourComponent;

/**
 * Builds the routes of every configured pipeline, one route per stage:
 * <ul>
 * <li>{@code <name>-source}: the inbox folder or SFTP drop; moves each file to .done or .error when it is handed
 * on;</li>
 * <li>{@code <name>-parse}: streams the file's rows, maps and validates them, rejects the bad ones;</li>
 * <li>{@code <name>-batch}: the persistent aggregator (by row count, payload bytes and idle time);</li>
 * <li>{@code <name>-trigger}: starts a run per batch, the batch id as its Idempotency-Key;</li>
 * <li>{@code <name>-results}: awaits the run, writes its enriched rows to the outbox and hands them to
 * {@code <name>-deliver} (SinkRoutes); a pipeline whose results arrive by webhook remembers the run instead
 * (WebhookArrivalRoutes);</li>
 * <li>{@code <name>-replay}: triggers parked batches an operator moved into dead-letter/replay.</li>
 * </ul>
 * Stages start downstream first and stop upstream first, so a batch completed on shutdown still finds its trigger.
 */
@ApplicationScoped
public class PipelineRoutes extends RouteBuilder {

    private static final int STAGES = 10;

    @Inject
    PipelineRegistry registry;

    @Inject
    BatchStore store;

    @Inject
    PipelineMetrics metrics;

    @Inject
    FileRetries retries;

    @Inject
    AwaitedRuns awaitedRuns;

    @Override
    public void configure() {
        configureSixtyfourComponent();
        registry.pipelines().forEach(this::pipelineRoutes);
    }

    /**
     * The key goes on the component, never into an endpoint URI that could be logged; user routes (YAML or Java)
     * beside the pipelines use the same settings.
     */
    private void configureSixtyfourComponent() {
        if (registry.pipelines().isEmpty() && !registry.hasApiKey()) {
            return;
        }
        SixtyfourComponent sixtyfour = getContext().getComponent("sixtyfour", SixtyfourComponent.class);
        sixtyfour.getConfiguration().setApiKey(registry.apiKey());
        sixtyfour.getConfiguration().setBaseUri(registry.baseUri());
    }

    private void pipelineRoutes(Pipeline pipeline) {
        metrics.startAtZero(pipeline.name());
        int order = 1000 + pipeline.index() * STAGES;
        resultsRoute(pipeline, order + 1);
        triggerRoute(pipeline, order + 2);
        batchRoute(pipeline, order + 3);
        replayRoute(pipeline, order + 4);
        parseRoute(pipeline, order + 5);
        sourceRoute(pipeline, order + 6);
    }

    /** Only folder sources have a route here; HTTP and queue sources are built by IngestRoutes and QueueRoutes. */
    private void sourceRoute(Pipeline pipeline, int order) {
        if (!pipeline.config().source().type().folder()) {
            return;
        }
        String processedFiles = pipeline.routeId("processed-files");
        bindToRegistry(processedFiles, new AlreadyProcessedFiles(pipeline.name(),
                store.processedFiles(pipeline.name())));
        String dueFiles = pipeline.routeId("due-files");
        bindToRegistry(dueFiles, retries.dueFiles(pipeline.name()));
        FileIntake intake = new FileIntake(pipeline, store, metrics, retries);

        from(SourceUris.consumer(pipeline, processedFiles) + "&filter=#" + dueFiles)
                .routeId(pipeline.routeId("source")).startupOrder(order)
                .doTry()
                    .process(intake::begin)
                    .to(pipeline.endpoint("parse"))
                .doCatch(Exception.class).onWhen(FileIntake::permanent)
                    .setBody(intake::failureReport)
                    .toD(SourceUris.errorReport(pipeline))
                .doCatch(Exception.class)
                    .process(intake::retryLater)
                .end();
    }

    private void parseRoute(Pipeline pipeline, int order) {
        FileIntake intake = new FileIntake(pipeline, store, metrics, retries);
        RowIntake rows = new RowIntake(pipeline, store, metrics, getContext().createProducerTemplate());

        from(pipeline.endpoint("parse"))
                .routeId(pipeline.routeId("parse")).startupOrder(order)
                // failures go back to the source route, which reports the file
                .errorHandler(noErrorHandler())
                .split(method(intake, "rows")).streaming().stopOnException()
                    .process(rows::process)
                .end()
                .process(intake::finish);
    }

    private void batchRoute(Pipeline pipeline, int order) {
        PipelineConfig.BatchConfig batch = pipeline.config().batch();
        ExecutorService inFlight = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, pipeline.routeId("batches"), batch.concurrency());

        from(pipeline.endpoint("batch"))
                .routeId(pipeline.routeId("batch")).startupOrder(order)
                .aggregate(constant(pipeline.name()), new BatchAggregationStrategy(pipeline.name(), batch.maxRows(),
                        batch.maxBytes()))
                    .aggregationRepository(store.aggregationRepository(pipeline.name(),
                            batch.retryInterval().toMillis()))
                    .completionTimeout(batch.idleTimeout().toMillis())
                    .forceCompletionOnStop()
                    .parallelProcessing().executorService(inFlight)
                    .log(LoggingLevel.DEBUG, "Pipeline " + pipeline.name()
                            + ": batch ${header.SixtyfourAppBatchId} complete"
                            + " (${exchangeProperty.CamelAggregatedCompletedBy})")
                    .to(pipeline.endpoint("trigger"))
                .end();
    }

    private void triggerRoute(Pipeline pipeline, int order) {
        BatchTrigger trigger = new BatchTrigger(pipeline, metrics);
        WebhookArrival arrival = new WebhookArrival(pipeline, awaitedRuns);

        from(pipeline.endpoint("trigger"))
                .routeId(pipeline.routeId("trigger")).startupOrder(order)
                .onException(Exception.class).onWhen(BatchTrigger::refused)
                    .handled(true)
                    .process(trigger::park)
                .end()
                .process(trigger::prepare)
                .to(sixtyfour(pipeline, "run") + "&resultFormats=ndjson")
                .process(trigger::started)
                .choice()
                    .when(arrival::expectsWebhook)
                        .process(arrival::remember)
                    .otherwise()
                        .to(pipeline.endpoint("results"))
                .end();
    }

    private void resultsRoute(Pipeline pipeline, int order) {
        RunFollower follower = new RunFollower(pipeline, metrics);

        from(pipeline.endpoint("results"))
                .routeId(pipeline.routeId("results")).startupOrder(order)
                // failures go back to the trigger route, which parks refused batches and lets others be retried
                .errorHandler(noErrorHandler())
                .process(follower::startWaiting)
                .loopDoWhile(RunFollower::stillRunning)
                    .delay(pipeline.config().run().pollInterval().toMillis()).end()
                    .to(sixtyfour(pipeline, "status"))
                .end()
                .process(follower::requireCompleted)
                .to(sixtyfour(pipeline, "results") + "&resultFormat=ndjson")
                .process(follower::writeResults)
                .to(pipeline.endpoint("deliver"));
    }

    private void replayRoute(Pipeline pipeline, int order) {
        BatchReplay replay = new BatchReplay(pipeline);

        from("file:" + pipeline.paths().replay() + "?include=RAW(.*\\.ndjson)&move=.replayed&readLock=changed")
                .routeId(pipeline.routeId("replay")).startupOrder(order)
                .process(replay::asBatch)
                .to(pipeline.endpoint("trigger"));
    }

    private static String sixtyfour(Pipeline pipeline, String operation) {
        return "sixtyfour:workflow?id=" + pipeline.config().workflowId() + "&operation=" + operation;
    }
}

package dev.camelsixtyfour.app.arrival;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.RunArrival;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.config.WebhookConfig;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.trigger.BatchTrigger;
import dev.camelsixtyfour.app.trigger.RunEndedException;
import dev.camelsixtyfour.app.trigger.RunFollower;
import dev.camelsixtyfour.component.SixtyfourEndpoint;

/**
 * Results that arrive by webhook ({@code run.arrival: webhook}):
 * <ul>
 * <li>{@code sixtyfour-webhook}: the component's {@code sixtyfour:webhook} consumer on {@code sixtyfour.webhook.path}
 * (signature checked with the configured secret, repeats of an event id answered without processing) hands each
 * delivery to the pipeline that awaits its run;</li>
 * <li>{@code <name>-arrived}: writes the outbox and delivers to the sink, as the results stage does, or parks the batch
 * of a run that did not complete;</li>
 * <li>{@code <name>-overdue}, every {@code sixtyfour.webhook.overdue-check-interval}: triggers again, and this time
 * awaits, each run whose webhook has not come within the run timeout, so no batch waits forever for a delivery that was
 * lost.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookArrivalRoutes extends RouteBuilder {

    /**
     * Arrived routes start before the receiver, which starts before the pipelines' routes (1000 + 10 per pipeline);
     * all below the 1000 from which Camel numbers routes that set no order. Overdue takes a free pipeline slot.
     */
    private static final int ARRIVED_ORDER = 500;
    private static final int RECEIVER_ORDER = 999;
    private static final int OVERDUE_STAGE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookArrivalRoutes.class);

    @Inject
    PipelineRegistry registry;

    @Inject
    AwaitedRuns runs;

    @Inject
    PipelineMetrics metrics;

    @Inject
    SixtyfourAppConfig config;

    @Override
    public void configure() throws Exception {
        List<Pipeline> webhookPipelines = registry.pipelines().stream()
                .filter(pipeline -> pipeline.config().run().arrival() == RunArrival.WEBHOOK)
                .toList();
        if (webhookPipelines.isEmpty()) {
            return;
        }
        requireSigningSecret(webhookPipelines);
        webhookPipelines.forEach(this::pipelineRoutes);
        receiverRoute(config.webhook());
    }

    private void requireSigningSecret(List<Pipeline> webhookPipelines) {
        WebhookConfig webhook = config.webhook();
        if (webhook.allowUnsigned() || webhook.signingSecret().filter(secret -> !secret.isBlank()).isPresent()) {
            return;
        }
        throw new IllegalStateException("Pipelines " + webhookPipelines.stream().map(Pipeline::name).toList()
                + " receive results by webhook (run.arrival: webhook): set sixtyfour.webhook.signing-secret (the "
                + "SIXTYFOUR_WEBHOOK_SIGNING_SECRET environment variable), or sixtyfour.webhook.allow-unsigned=true "
                + "for an organisation without a signing secret");
    }

    /** The signing secret goes on the endpoint object, never into its URI, which Camel may log. */
    private void receiverRoute(WebhookConfig webhook) {
        SixtyfourEndpoint endpoint = getContext().getEndpoint("sixtyfour:webhook?path=" + webhook.path()
                + "&allowUnsigned=" + webhook.allowUnsigned(), SixtyfourEndpoint.class);
        webhook.signingSecret().filter(secret -> !secret.isBlank())
                .ifPresent(endpoint.getWebhookConfiguration()::setSigningSecret);
        // created while routes are still being configured, perhaps before the component has the app's settings
        endpoint.getConfiguration().setBaseUri(registry.baseUri());
        WebhookReceipt receipt = new WebhookReceipt(runs);

        from(endpoint)
                .routeId("sixtyfour-webhook").startupOrder(RECEIVER_ORDER)
                .process(receipt::claim)
                .filter(exchangeProperty(WebhookReceipt.PIPELINE_ENDPOINT).isNotNull())
                    .toD("${exchangeProperty." + WebhookReceipt.PIPELINE_ENDPOINT + "}")
                .end();
        LOG.info("Outgoing-webhook deliveries received on {}", webhook.path());
    }

    private void pipelineRoutes(Pipeline pipeline) {
        WebhookArrival arrival = new WebhookArrival(pipeline, runs);
        RunFollower follower = new RunFollower(pipeline, metrics);
        BatchTrigger trigger = new BatchTrigger(pipeline, metrics);

        from(pipeline.endpoint("arrived"))
                .routeId(pipeline.routeId("arrived")).startupOrder(ARRIVED_ORDER + pipeline.index())
                .doTry()
                    // a delivery does not say why a run failed; the status operation asks the service
                    .filter(RunFollower::endedUnsuccessfully)
                        .to("sixtyfour:workflow?id=" + pipeline.config().workflowId() + "&operation=status")
                    .end()
                    .process(follower::requireCompleted)
                    .process(follower::writeResults)
                    .to(pipeline.endpoint("deliver"))
                    .process(arrival::done)
                .endDoTry()
                .doCatch(RunEndedException.class)
                    .process(trigger::park)
                    .process(arrival::done)
                .doCatch(Exception.class)
                    .process(arrival::giveBack)
                .end();

        from(pipeline.endpoint("overdue"))
                .routeId(pipeline.routeId("overdue")).startupOrder(1000 + pipeline.index() * 10 + OVERDUE_STAGE)
                .setBody(exchange -> arrival.overdue())
                .split(body())
                    .process(arrival::asBatch)
                    .doTry()
                        .to(pipeline.endpoint("trigger"))
                        .process(arrival::done)
                    .doCatch(Exception.class)
                        .process(arrival::giveBack)
                    .end()
                .end();
        checkOverduePeriodically(pipeline);
    }

    /** Looks for overdue runs every {@code overdue-check-interval}, one look at a time per pipeline. */
    private void checkOverduePeriodically(Pipeline pipeline) {
        long interval = config.webhook().overdueCheckInterval().toMillis();
        ProducerTemplate producer = getContext().createProducerTemplate();
        ScheduledExecutorService checks = getContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, pipeline.routeId("overdue-check"));
        checks.scheduleWithFixedDelay(() -> checkOverdue(pipeline, producer), interval, interval,
                TimeUnit.MILLISECONDS);
    }

    // A task that throws is never run again by its executor: a failed look is logged and the next one still comes.
    private void checkOverdue(Pipeline pipeline, ProducerTemplate producer) {
        try {
            if (getContext().getRouteController().getRouteStatus(pipeline.routeId("overdue")).isStarted()) {
                producer.sendBody(pipeline.endpoint("overdue"), null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pipeline {}: looking for overdue webhook runs failed: {}", pipeline.name(), e.getMessage());
        }
    }
}

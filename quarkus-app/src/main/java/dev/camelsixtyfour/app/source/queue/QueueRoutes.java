package dev.camelsixtyfour.app.source.queue;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.config.QueueConfig;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.source.PayloadIntake;

/**
 * The {@code <name>-source} route of every pipeline whose source is a queue: {@code jms} (Artemis CORE protocol,
 * camel-jms) or {@code amqp} (AMQP 1.0, camel-amqp). Each message is consumed in a transacted session that commits
 * only once the message's rows are stored in batches (or recorded as rejected); a failure rolls the session back
 * and the broker delivers the message again. The delivery that reaches {@code max-deliveries} and still fails moves
 * the message to the dead-letter destination, with its error, in the same session.
 */
@ApplicationScoped
public class QueueRoutes extends RouteBuilder {

    /** The source slot of PipelineRoutes' startup order, which it leaves free for pipelines without a folder. */
    private static final int SOURCE_STAGE = 6;

    private static final Logger LOG = LoggerFactory.getLogger(QueueRoutes.class);

    @Inject
    PipelineRegistry registry;

    @Inject
    BatchStore store;

    @Inject
    PipelineMetrics metrics;

    @Override
    public void configure() {
        registry.pipelines().stream()
                .filter(pipeline -> pipeline.config().source().type() == SourceType.JMS
                        || pipeline.config().source().type() == SourceType.AMQP)
                .forEach(this::queueRoute);
    }

    private void queueRoute(Pipeline pipeline) {
        QueueConfig queue = pipeline.config().source().queue();
        String destination = queue.destination().orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name() + ".source.queue.destination is required"));
        String deadLetter = queue.deadLetterDestination().orElse(destination + ".DLQ");
        String component = pipeline.config().source().type().name().toLowerCase(Locale.ROOT);
        String connectionFactory = pipeline.routeId("connection-factory");
        bindToRegistry(connectionFactory, QueueConnectionFactories.create(pipeline));
        String session = "?connectionFactory=#" + connectionFactory + "&transacted=true";
        MessageIntake intake = new MessageIntake(new PayloadIntake(pipeline, store, metrics, getContext()),
                destination, queue.maxDeliveries());

        from(component + ":queue:" + destination + session + "&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + queue.concurrentConsumers())
                .routeId(pipeline.routeId("source"))
                .startupOrder(1000 + pipeline.index() * 10 + SOURCE_STAGE)
                .onException(Exception.class).onWhen(intake::lastDelivery)
                    .handled(true)
                    .process(intake::toDeadLetter)
                    .to(component + ":queue:" + deadLetter + session)
                .end()
                .process(intake::receive);
        LOG.info("Pipeline {}: consuming {} queue {} (dead letters to {})", pipeline.name(), component, destination,
                deadLetter);
    }
}

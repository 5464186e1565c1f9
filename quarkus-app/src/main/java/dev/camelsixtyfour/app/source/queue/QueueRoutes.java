package dev.camelsixtyfour.app.source.queue;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.config.QueueConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.source.MessageSourceRoutes;

/**
 * The {@code <name>-source} route of every pipeline whose source is a queue: {@code jms} (Artemis CORE protocol,
 * camel-jms) or {@code amqp} (AMQP 1.0, camel-amqp). Each message is consumed in a transacted session that commits
 * only once the message's rows are stored in batches (or recorded as rejected); a failure rolls the session back
 * and the broker delivers the message again. The delivery that reaches {@code max-deliveries} and still fails moves
 * the message to the dead-letter destination, with its error, in the same session.
 */
@ApplicationScoped
public class QueueRoutes extends MessageSourceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(QueueRoutes.class);

    public QueueRoutes() {
        super(SourceType.JMS, SourceType.AMQP);
    }

    @Override
    protected void sourceRoute(Pipeline pipeline) {
        QueueConfig queue = pipeline.config().source().queue();
        String destination = queue.destination().orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name()
                + ".source.queue.destination is required"));
        String deadLetter = queue.deadLetterDestination().orElse(destination + ".DLQ");
        String component = pipeline.config().source().type().name().toLowerCase(Locale.ROOT);
        String connectionFactory = pipeline.routeId("connection-factory");
        bindToRegistry(connectionFactory, QueueConnectionFactories.create(pipeline));
        String session = "?connectionFactory=#" + connectionFactory + "&transacted=true";
        MessageIntake intake = new MessageIntake(payloads(pipeline), destination, queue.maxDeliveries());

        asSource(pipeline, from(component + ":queue:" + destination + session + "&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + queue.concurrentConsumers()))
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

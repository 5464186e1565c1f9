package dev.camelsixtyfour.app.source.queue;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.config.RabbitMqConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.source.MessageSourceRoutes;

/**
 * The {@code <name>-source} route of every pipeline whose source is {@code rabbitmq} (camel-spring-rabbitmq). The
 * app declares the queue as a durable quorum queue, bound to the configured exchange, with the dead-letter exchange
 * and queue beside it. Deliveries are acknowledged by hand ({@link RabbitMqSettlement}) once their rows are stored;
 * a quorum queue counts each message's deliveries ({@code x-delivery-count}) across consumers, channels and
 * restarts of the app, which is what lets a message that keeps failing reach the dead-letter queue after
 * {@code max-deliveries}: a classic queue only says "redelivered", not how often.
 */
@ApplicationScoped
public class RabbitMqRoutes extends MessageSourceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqRoutes.class);

    private final List<CachingConnectionFactory> connectionFactories = new ArrayList<>();

    public RabbitMqRoutes() {
        super(SourceType.RABBITMQ);
    }

    /** The connections close with the app, after Camel has stopped the routes that use them. */
    @PreDestroy
    void closeConnections() {
        connectionFactories.forEach(CachingConnectionFactory::destroy);
    }

    @Override
    protected void sourceRoute(Pipeline pipeline) {
        RabbitMqConfig rabbit = pipeline.config().source().rabbitmq();
        String queue = rabbit.queue().orElseThrow(() -> new IllegalStateException("Pipeline " + pipeline.name()
                + ": sixtyfour.pipelines." + pipeline.name() + ".source.rabbitmq.queue is required"));
        String connection = "connectionFactory=#" + bindConnectionFactory(pipeline) + "&disableReplyTo=true";
        MessageIntake intake = new MessageIntake(payloads(pipeline), queue,
                rabbit.maxDeliveries(), RabbitMqSettlement::messageId, RabbitMqSettlement::deliveries);
        RabbitMqSettlement settlement = new RabbitMqSettlement(intake, getContext().createProducerTemplate(),
                deadLetterUri(rabbit, queue, connection));

        asSource(pipeline, from(consumerUri(rabbit, queue, connection)))
                .process(settlement::receive);
        LOG.info("Pipeline {}: consuming RabbitMQ queue {} on {}:{} (dead letters to {} through {})", pipeline.name(),
                queue, rabbit.host(), rabbit.port(), deadLetterQueue(rabbit, queue), deadLetterExchange(rabbit, queue));
    }

    /** Binds the pipeline's own connection factory and returns the name its endpoints give. */
    private String bindConnectionFactory(Pipeline pipeline) {
        String name = pipeline.routeId("connection-factory");
        CachingConnectionFactory factory = RabbitMqConnectionFactories.create(pipeline);
        connectionFactories.add(factory);
        bindToRegistry(name, factory);
        return name;
    }

    /**
     * The consumer: the queue declared as a durable quorum queue bound to its exchange, the dead-letter exchange and
     * queue declared beside it (and named as the queue's own dead-letter exchange), deliveries acknowledged by hand.
     */
    private static String consumerUri(RabbitMqConfig rabbit, String queue, String connection) {
        return "spring-rabbitmq:" + rabbit.exchange() + "?" + connection + "&queues=" + queue
                + "&routingKey=" + rabbit.routingKey().orElse(queue) + "&exchangeType=" + rabbit.exchangeType()
                + "&arg.queue.x-queue-type=quorum&arg.queue.durable=true"
                + "&deadLetterExchange=" + deadLetterExchange(rabbit, queue) + "&deadLetterExchangeType=direct"
                + "&deadLetterQueue=" + deadLetterQueue(rabbit, queue)
                + "&deadLetterRoutingKey=" + deadLetterQueue(rabbit, queue)
                + "&acknowledgeMode=MANUAL&prefetchCount=" + rabbit.prefetch()
                + "&concurrentConsumers=" + rabbit.concurrentConsumers();
    }

    /** The producer of dead letters: it returns only once the broker confirmed the publication. */
    private static String deadLetterUri(RabbitMqConfig rabbit, String queue, String connection) {
        return "spring-rabbitmq:" + deadLetterExchange(rabbit, queue) + "?" + connection
                + "&routingKey=" + deadLetterQueue(rabbit, queue)
                + "&confirm=enabled&usePublisherConnection=true&autoDeclareProducer=false";
    }

    private static String deadLetterExchange(RabbitMqConfig rabbit, String queue) {
        return rabbit.deadLetterExchange().orElse(queue + ".dlx");
    }

    private static String deadLetterQueue(RabbitMqConfig rabbit, String queue) {
        return rabbit.deadLetterQueue().orElse(queue + ".DLQ");
    }
}

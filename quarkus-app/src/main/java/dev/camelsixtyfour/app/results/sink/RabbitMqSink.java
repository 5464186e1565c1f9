package dev.camelsixtyfour.app.results.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ReturnListener;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.camelsixtyfour.app.config.SinkConfig.RabbitMqSinkConfig;

/**
 * Publishes a batch's results to a RabbitMQ exchange (or, through the default exchange, a queue) as one persistent
 * message whose message id is the batch id and whose headers carry the batch's ids. The publication is mandatory
 * and confirmed: it counts as delivered only once the broker confirmed it and routed it to at least one queue; a
 * missing exchange (the broker closes the channel), an unroutable message (returned) or no confirm within
 * {@code confirm-timeout} fail the delivery.
 */
final class RabbitMqSink implements ResultSink {

    private final CachingConnectionFactory factory;
    private final RabbitTemplate template;
    private final RabbitMqSinkConfig config;
    private final String exchange;
    private final String routingKey;

    RabbitMqSink(CachingConnectionFactory factory, RabbitMqSinkConfig config, String exchange, String routingKey) {
        this.factory = factory;
        this.template = new RabbitTemplate(factory);
        this.config = config;
        this.exchange = exchange;
        this.routingKey = routingKey;
    }

    @Override
    public void deliver(Delivery delivery) {
        template.execute(channel -> {
            // The cached channel's proxy replaces a channel the broker closed (a missing exchange) with a fresh one
            // on the next call: publish and wait for the confirm on one and the same channel, or the wait could
            // succeed on the fresh channel that never saw the publication.
            publishConfirmed(channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel, delivery);
            return null;
        });
    }

    private void publishConfirmed(Channel channel, Delivery delivery)
            throws IOException, InterruptedException, TimeoutException {
        AtomicBoolean returned = new AtomicBoolean();
        String batchId = delivery.outcome().batchId();
        ReturnListener listener = (code, text, toExchange, key, properties, body) -> returned.compareAndSet(false,
                batchId.equals(properties.getMessageId()));
        channel.addReturnListener(listener);
        try {
            channel.basicPublish(exchange, routingKey, true, properties(delivery), body(delivery));
            channel.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
        } finally {
            channel.removeReturnListener(listener);
        }
        if (returned.get()) {
            throw new IOException("RabbitMQ " + describe() + " routed batch " + batchId + " to no queue");
        }
    }

    private AMQP.BasicProperties properties(Delivery delivery) {
        return new AMQP.BasicProperties.Builder()
                .messageId(delivery.outcome().batchId())
                .contentType(Delivery.contentType(config.format()))
                .contentEncoding(StandardCharsets.UTF_8.name())
                .deliveryMode(2)
                .headers(delivery.messageProperties())
                .build();
    }

    private byte[] body(Delivery delivery) {
        return delivery.text(config.format()).getBytes(StandardCharsets.UTF_8);
    }

    /** Host, virtual host and destination: no credentials. */
    @Override
    public String describe() {
        String virtualHost = config.virtualHost().startsWith("/") ? config.virtualHost() : "/" + config.virtualHost();
        String destination = exchange.isEmpty() ? "queue " + routingKey : "exchange " + exchange + " key " + routingKey;
        return "rabbitmq://" + config.host() + ":" + config.port() + virtualHost + " " + destination;
    }

    @Override
    public void close() {
        factory.destroy();
    }
}

package dev.camelsixtyfour.app.source.queue;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;

/**
 * Settles each RabbitMQ delivery by hand (manual acknowledgement): the message is acknowledged only once
 * {@link MessageIntake} has stored its rows in batches (or recorded them as rejected); a failure requeues it; the
 * failure of the delivery that reaches {@code max-deliveries} publishes the message with its error to the
 * dead-letter exchange and acknowledges it once the broker confirmed that publication. A crash at any point leaves
 * the message unacknowledged, and the broker delivers it again; the progress kept under its key hands on only the
 * rows no batch holds yet.
 */
final class RabbitMqSettlement {

    /** Set by quorum queues on every delivery after the first: how many earlier deliveries failed. */
    static final String DELIVERY_COUNT = "x-delivery-count";

    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqSettlement.class);

    private final MessageIntake intake;
    private final ProducerTemplate producer;
    private final String deadLetterUri;

    RabbitMqSettlement(MessageIntake intake, ProducerTemplate producer, String deadLetterUri) {
        this.intake = intake;
        this.producer = producer;
        this.deadLetterUri = deadLetterUri;
    }

    /** The message id the sender set, or null; the intake then keys the message by a digest of its body. */
    static String messageId(Message in) {
        return in.getHeader(SpringRabbitMQConstants.MESSAGE_ID, String.class);
    }

    /** Which delivery of the message this is, from 1: the quorum queue's count of earlier ones, plus this one. */
    static int deliveries(Message in) {
        Number earlier = in.getHeader(DELIVERY_COUNT, Number.class);
        return earlier == null ? 1 : earlier.intValue() + 1;
    }

    void receive(Exchange exchange) throws IOException {
        Channel channel = exchange.getProperty(SpringRabbitMQConstants.CHANNEL, Channel.class);
        long deliveryTag = exchange.getMessage().getHeader(SpringRabbitMQConstants.DELIVERY_TAG, Long.class);
        try {
            intake.receive(exchange);
        } catch (RuntimeException e) {
            settleFailure(exchange, channel, deliveryTag, e);
            return;
        }
        channel.basicAck(deliveryTag, false);
    }

    private void settleFailure(Exchange exchange, Channel channel, long deliveryTag, RuntimeException failure)
            throws IOException {
        if (!intake.lastDelivery(exchange)) {
            LOG.warn("{}; the message goes back to the queue", failure.getMessage());
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        intake.toDeadLetter(exchange);
        Exchange published = producer.send(deadLetterUri, exchange);
        if (published.getException() != null) {
            // The message stays in the queue: its next delivery is past max-deliveries too and tries again.
            LOG.warn("The dead letter of a failed message was not published, the message goes back to the queue: {}",
                    published.getException().getMessage());
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        channel.basicAck(deliveryTag, false);
    }
}

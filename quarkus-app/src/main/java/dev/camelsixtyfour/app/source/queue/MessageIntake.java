package dev.camelsixtyfour.app.source.queue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import jakarta.jms.JMSException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.ops.Failures;
import dev.camelsixtyfour.app.source.PayloadFormat;
import dev.camelsixtyfour.app.source.PayloadIntake;
import dev.camelsixtyfour.app.source.PayloadIntake.Receipt;

/**
 * One queue message: one JSON object, a JSON array of objects, or NDJSON. Its rows are keyed by the message id in the
 * progress table, so a message delivered again after a crash (the rows were stored, the session not yet committed)
 * hands on only the rows no batch holds yet. Every error names the message id.
 */
final class MessageIntake {

    /** Headers of a dead-lettered message. */
    static final String ERROR = "SixtyfourAppError";
    static final String ORIGINAL_MESSAGE_ID = "SixtyfourAppOriginalMessageId";
    static final String ORIGINAL_DESTINATION = "SixtyfourAppOriginalDestination";
    static final String DELIVERIES = "SixtyfourAppDeliveries";
    static final String PIPELINE = "SixtyfourAppPipeline";
    /** Rows of the message already stored in batches before it failed: replay only the rows after them. */
    static final String ROWS_ALREADY_STORED = "SixtyfourAppRowsAlreadyStored";

    private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);
    private static final String JMS_MESSAGE_ID = "JMSMessageID";
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final String NO_MESSAGE_ID = "(no message id)";
    private static final String KEY = "SixtyfourAppMessageKey";

    private final PayloadIntake payloads;
    private final String destination;
    private final int maxDeliveries;
    private final Function<Message, String> messageIds;
    private final ToIntFunction<Message> deliveryCounts;

    /** A JMS message (jms, amqp): its JMSMessageID and JMSXDeliveryCount. */
    MessageIntake(PayloadIntake payloads, String destination, int maxDeliveries) {
        this(payloads, destination, maxDeliveries, in -> in.getHeader(JMS_MESSAGE_ID, String.class),
                MessageIntake::jmsDeliveries);
    }

    /**
     * A message of another broker API: {@code messageIds} gives its id (null when the sender set none),
     * {@code deliveryCounts} which delivery this is, from 1.
     */
    MessageIntake(PayloadIntake payloads, String destination, int maxDeliveries, Function<Message, String> messageIds,
            ToIntFunction<Message> deliveryCounts) {
        this.payloads = payloads;
        this.destination = destination;
        this.maxDeliveries = maxDeliveries;
        this.messageIds = messageIds;
        this.deliveryCounts = deliveryCounts;
    }

    void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        String messageId = messageId(in);
        byte[] payload = in.getBody(byte[].class);
        if (payload == null) {
            throw new IllegalArgumentException("Message " + messageId + " on " + destination + " has no body");
        }
        String key = key(messageId, payload);
        exchange.setProperty(KEY, key);
        try {
            Receipt receipt = payloads.take(payload, PayloadFormat.ofMessage(payload), sourceName(key), key);
            LOG.debug("Pipeline {}: message {} stored: {} rows to batches, {} rejected, {} already stored", pipeline(),
                    messageId, receipt.accepted(), receipt.rejected(), receipt.alreadyStored());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Message " + messageId + " on " + destination + " (delivery "
                    + deliveries(in) + " of " + maxDeliveries + "): " + Failures.describe(e), e);
        }
    }

    /** True on the delivery that may not be rolled back again: its failure sends the message to dead letters. */
    boolean lastDelivery(Exchange exchange) {
        return deliveries(exchange.getMessage()) >= maxDeliveries;
    }

    /** Keeps the body as it came, replaces every header with the error, the message id and where it came from. */
    void toDeadLetter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message in = exchange.getMessage();
        String messageId = messageId(in);
        int deliveries = deliveries(in);
        String key = exchange.getProperty(KEY, String.class);
        in.removeHeaders("*");
        in.setHeader(ROWS_ALREADY_STORED, key == null ? 0L : payloads.storedRows(key));
        in.setHeader(ERROR, failure.getMessage());
        in.setHeader(ORIGINAL_MESSAGE_ID, messageId);
        in.setHeader(ORIGINAL_DESTINATION, destination);
        in.setHeader(DELIVERIES, deliveries);
        in.setHeader(PIPELINE, pipeline());
        LOG.warn("Pipeline {}: message {} failed {} deliveries and moves to dead letters: {}", pipeline(), messageId,
                deliveries, failure.getMessage());
    }

    private String pipeline() {
        return payloads.pipeline().name();
    }

    private String messageId(Message in) {
        String id = messageIds.apply(in);
        return id != null ? id : NO_MESSAGE_ID;
    }

    private int deliveries(Message in) {
        return deliveryCounts.applyAsInt(in);
    }

    private static int jmsDeliveries(Message in) {
        if (in instanceof JmsMessage jms && jms.getJmsMessage() != null) {
            try {
                return jms.getJmsMessage().getIntProperty(DELIVERY_COUNT);
            } catch (JMSException | NumberFormatException e) {
                LOG.debug("No {} on message {}: {}", DELIVERY_COUNT, in.getHeader(JMS_MESSAGE_ID), e.getMessage());
            }
        }
        Integer count = in.getHeader(DELIVERY_COUNT, Integer.class);
        return count != null ? count : 1;
    }

    /** The message id, or (for a sender that disabled message ids) a digest of the payload, as the progress key. */
    private String key(String messageId, byte[] payload) {
        if (!NO_MESSAGE_ID.equals(messageId)) {
            return "queue:" + destination + ":" + messageId;
        }
        try {
            return "queue:" + destination + ":sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The name rejected rows and batch sources show: the key with only file-name-safe characters. */
    private static String sourceName(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

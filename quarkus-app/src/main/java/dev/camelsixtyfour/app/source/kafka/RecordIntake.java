package dev.camelsixtyfour.app.source.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.ops.Failures;
import dev.camelsixtyfour.app.source.PayloadFormat;
import dev.camelsixtyfour.app.source.PayloadIntake;
import dev.camelsixtyfour.app.source.PayloadIntake.Receipt;

/**
 * One Kafka record: one JSON object, a JSON array of objects, or NDJSON. Its rows are keyed by topic, partition and
 * offset in the progress table, so a record read again (a retry, or a restart before its offset was committed) hands
 * on only the rows no batch holds yet. Every error names the record as {@code topic/partition@offset}.
 */
final class RecordIntake {

    /** Headers of a dead-lettered record, all strings. */
    static final String ERROR = "SixtyfourAppError";
    static final String ORIGINAL_TOPIC = "SixtyfourAppOriginalTopic";
    static final String ORIGINAL_PARTITION = "SixtyfourAppOriginalPartition";
    static final String ORIGINAL_OFFSET = "SixtyfourAppOriginalOffset";
    static final String ATTEMPTS = "SixtyfourAppAttempts";
    static final String PIPELINE = "SixtyfourAppPipeline";
    /** Rows of the record already stored in batches before it failed: replay only the rows after them. */
    static final String ROWS_ALREADY_STORED = "SixtyfourAppRowsAlreadyStored";

    private static final Logger LOG = LoggerFactory.getLogger(RecordIntake.class);
    private static final String COMMIT = "SixtyfourAppKafkaCommit";
    private static final String ATTEMPT = "SixtyfourAppKafkaAttempt";

    private final PayloadIntake payloads;
    private final int maxDeliveries;

    RecordIntake(PayloadIntake payloads, int maxDeliveries) {
        this.payloads = payloads;
        this.maxDeliveries = maxDeliveries;
    }

    void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(COMMIT, in.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        int attempt = attempts(exchange) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        String record = record(in);
        byte[] payload = in.getBody(byte[].class);
        try {
            if (payload == null || payload.length == 0) {
                throw new IllegalArgumentException("the record has no value");
            }
            Receipt receipt = payloads.take(payload, PayloadFormat.ofMessage(payload), sourceName(in), key(in));
            LOG.debug("Pipeline {}: record {} stored: {} rows to batches, {} rejected, {} already stored", pipeline(),
                    record, receipt.accepted(), receipt.rejected(), receipt.alreadyStored());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Record " + record + " (attempt " + attempt + " of " + maxDeliveries
                    + "): " + Failures.describe(e), e);
        }
    }

    /**
     * Commits the record's offset: its rows are stored, or it is parked on the dead-letter topic. A commit the broker
     * refuses (a rebalance took the partition away) is only logged: the record is read again, hands on no row twice
     * (its progress key says all are stored) and is committed then; it must not count as a failed attempt.
     */
    void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getProperty(COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("No manual commit on the exchange: the Kafka consumer must have "
                    + "allowManualCommit=true");
        }
        try {
            commit.commit();
        } catch (RuntimeException e) {
            LOG.warn("Pipeline {}: the offset of record {} was not committed, it will be read again: {}", pipeline(),
                    record(exchange.getMessage()), e.getMessage());
        }
    }

    /** Keeps key and value as they came, replaces every header with the error and where the record came from. */
    void toDeadLetter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message in = exchange.getMessage();
        String record = record(in);
        Object recordKey = in.getHeader(KafkaConstants.KEY);
        String topic = in.getHeader(KafkaConstants.TOPIC, String.class);
        String partition = in.getHeader(KafkaConstants.PARTITION, String.class);
        String offset = in.getHeader(KafkaConstants.OFFSET, String.class);
        int attempts = attempts(exchange);
        long alreadyStored = payloads.storedRows(key(in));
        in.removeHeaders("*");
        if (recordKey != null) {
            in.setHeader(KafkaConstants.KEY, recordKey);
        }
        in.setHeader(ERROR, failure.getMessage());
        in.setHeader(ORIGINAL_TOPIC, topic);
        in.setHeader(ORIGINAL_PARTITION, partition);
        in.setHeader(ORIGINAL_OFFSET, offset);
        in.setHeader(ATTEMPTS, String.valueOf(attempts));
        in.setHeader(PIPELINE, pipeline());
        in.setHeader(ROWS_ALREADY_STORED, String.valueOf(alreadyStored));
        LOG.warn("Pipeline {}: record {} failed {} attempts and moves to dead letters: {}", pipeline(), record,
                attempts, failure.getMessage());
    }

    private String pipeline() {
        return payloads.pipeline().name();
    }

    /** The attempts at the record so far, in this process: Camel's redeliveries keep the exchange. */
    private static int attempts(Exchange exchange) {
        return exchange.getProperty(ATTEMPT, 0, Integer.class);
    }

    private static String record(Message in) {
        return in.getHeader(KafkaConstants.TOPIC) + "/" + in.getHeader(KafkaConstants.PARTITION) + "@"
                + in.getHeader(KafkaConstants.OFFSET);
    }

    /** The progress key: one record of one partition of one topic. */
    private static String key(Message in) {
        return "kafka:" + in.getHeader(KafkaConstants.TOPIC) + ":" + in.getHeader(KafkaConstants.PARTITION) + ":"
                + in.getHeader(KafkaConstants.OFFSET);
    }

    /** The name rejected rows and batch sources show: the key with only file-name-safe characters. */
    private static String sourceName(Message in) {
        return key(in).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

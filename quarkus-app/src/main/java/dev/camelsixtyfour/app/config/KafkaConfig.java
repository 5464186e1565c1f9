package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The topic a {@code kafka} source consumes. Offsets are committed by hand, one record at a time, only once the
 * record's rows are stored in batches or the record is parked on the dead-letter topic.
 */
public interface KafkaConfig {

    /** The bootstrap servers, e.g. {@code broker-1:9092,broker-2:9092}. */
    Optional<String> brokers();

    /** The topic to consume, e.g. {@code companies}. */
    Optional<String> topic();

    /** The consumer group; defaults to {@code sixtyfour-<pipeline>}. */
    @WithName("group-id")
    Optional<String> groupId();

    /** Where a record goes once it has failed {@code max-deliveries} attempts; defaults to {@code <topic>.DLT}. */
    @WithName("dead-letter-topic")
    Optional<String> deadLetterTopic();

    /** How many attempts (in this process) a record gets before it moves to the dead-letter topic. */
    @WithName("max-deliveries")
    @WithDefault("5")
    int maxDeliveries();

    /** The pause between two attempts at the same record. */
    @WithName("retry-delay")
    @WithDefault("1s")
    Duration retryDelay();

    /** Where a group without a committed offset starts: {@code earliest} (the whole topic) or {@code latest}. */
    @WithName("auto-offset-reset")
    @WithDefault("earliest")
    String autoOffsetReset();

    /**
     * Further Kafka client properties for the consumer and the dead-letter producer, passed as they are: security
     * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.*}) and tuning. Quote
     * dotted keys in properties files ({@code properties."security.protocol"=SASL_SSL}); take secrets from the
     * environment ({@code ${KAFKA_JAAS_CONFIG}}). Never logged.
     */
    Map<String, String> properties();
}

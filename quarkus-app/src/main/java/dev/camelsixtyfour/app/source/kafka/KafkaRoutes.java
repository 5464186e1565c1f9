package dev.camelsixtyfour.app.source.kafka;

import java.util.HashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.KafkaConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.source.MessageSourceRoutes;

/**
 * The {@code <name>-source} route of every pipeline whose source is a Kafka topic (camel-kafka). Auto commit is off:
 * a record's offset is committed by hand only once its rows are stored in batches (or recorded as rejected), or once
 * it is parked on the dead-letter topic. A failing record is tried again in this process, {@code retry-delay} apart,
 * up to {@code max-deliveries} attempts; the last failure sends it to the dead-letter topic with its error, then its
 * offset is committed, so the partition moves on. Should even the dead-letter topic refuse it, the consumer goes
 * back to the record's offset (breakOnFirstError) and reads it again: nothing is committed past a record that is
 * neither stored nor parked.
 */
@ApplicationScoped
public class KafkaRoutes extends MessageSourceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRoutes.class);

    public KafkaRoutes() {
        super(SourceType.KAFKA);
    }

    @Override
    protected void sourceRoute(Pipeline pipeline) {
        KafkaConfig kafka = pipeline.config().source().kafka();
        String topic = required(pipeline, kafka.topic(), "topic");
        String brokers = required(pipeline, kafka.brokers(), "brokers");
        String deadLetter = kafka.deadLetterTopic().orElse(topic + ".DLT");
        String group = kafka.groupId().orElse("sixtyfour-" + pipeline.name());
        RecordIntake intake = new RecordIntake(payloads(pipeline), kafka.maxDeliveries());

        asSource(pipeline, from(consumer(kafka, topic, brokers, group)))
                // Known limitation: attempts are counted in this process, so a restart gives a failing record its
                // attempts again, and the retries hold up the partition (and the consumer's other partitions).
                .onException(Exception.class)
                    .maximumRedeliveries(kafka.maxDeliveries() - 1)
                    .redeliveryDelay(kafka.retryDelay().toMillis())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .process(intake::toDeadLetter)
                    .to(producer(kafka, deadLetter, brokers))
                    .process(intake::commit)
                .end()
                .process(intake::receive)
                .process(intake::commit);
        LOG.info("Pipeline {}: consuming Kafka topic {} as group {} (dead letters to {})", pipeline.name(), topic,
                group, deadLetter);
    }

    /** One record at a time, committed by hand; the raw bytes of key and value, decoded by the payload reader. */
    private KafkaEndpoint consumer(KafkaConfig kafka, String topic, String brokers, String group) {
        return endpoint(kafka, "kafka:" + topic + "?brokers=RAW(" + brokers + ")&groupId=RAW(" + group + ")"
                + "&autoOffsetReset=" + kafka.autoOffsetReset()
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&keyDeserializer=" + ByteArrayDeserializer.class.getName()
                + "&valueDeserializer=" + ByteArrayDeserializer.class.getName());
    }

    private KafkaEndpoint producer(KafkaConfig kafka, String deadLetter, String brokers) {
        return endpoint(kafka, "kafka:" + deadLetter + "?brokers=RAW(" + brokers + ")&requestRequiredAcks=all"
                + "&keySerializer=" + ByteArraySerializer.class.getName()
                + "&valueSerializer=" + ByteArraySerializer.class.getName());
    }

    /** The client properties join the endpoint's configuration, never its URI, so no secret reaches a log. */
    private KafkaEndpoint endpoint(KafkaConfig kafka, String uri) {
        KafkaEndpoint endpoint = getContext().getEndpoint(uri, KafkaEndpoint.class);
        endpoint.getConfiguration().setAdditionalProperties(new HashMap<>(kafka.properties()));
        return endpoint;
    }

    private static String required(Pipeline pipeline, Optional<String> value, String property) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name() + ".source.kafka." + property
                + " is required"));
    }
}

package dev.camelsixtyfour.app.source.kafka;

import java.util.HashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.KafkaConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.source.PayloadIntake;

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
public class KafkaRoutes extends RouteBuilder {

    /** The source slot of PipelineRoutes' startup order, which it leaves free for pipelines without a folder. */
    private static final int SOURCE_STAGE = 6;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRoutes.class);

    @Inject
    PipelineRegistry registry;

    @Inject
    BatchStore store;

    @Inject
    PipelineMetrics metrics;

    @Override
    public void configure() {
        registry.pipelines().stream()
                .filter(pipeline -> pipeline.config().source().type() == SourceType.KAFKA)
                .forEach(this::kafkaRoute);
    }

    private void kafkaRoute(Pipeline pipeline) {
        KafkaConfig kafka = pipeline.config().source().kafka();
        String topic = required(pipeline, kafka.topic(), "topic");
        String brokers = required(pipeline, kafka.brokers(), "brokers");
        String deadLetter = kafka.deadLetterTopic().orElse(topic + ".DLT");
        String group = kafka.groupId().orElse("sixtyfour-" + pipeline.name());
        RecordIntake intake = new RecordIntake(new PayloadIntake(pipeline, store, metrics, getContext()),
                kafka.maxDeliveries());

        from(consumer(kafka, topic, brokers, group))
                .routeId(pipeline.routeId("source"))
                .startupOrder(1000 + pipeline.index() * 10 + SOURCE_STAGE)
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

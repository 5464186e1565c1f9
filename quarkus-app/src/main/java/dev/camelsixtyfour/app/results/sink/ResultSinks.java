package dev.camelsixtyfour.app.results.sink;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.qpid.jms.JmsConnectionFactory;

import dev.camelsixtyfour.app.config.PipelineConfig.SftpConfig;
import dev.camelsixtyfour.app.config.SinkConfig;
import dev.camelsixtyfour.app.config.SinkConfig.KafkaSinkConfig;
import dev.camelsixtyfour.app.config.SinkConfig.QueueSinkConfig;
import dev.camelsixtyfour.app.config.SinkConfig.RabbitMqSinkConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.source.queue.RabbitMqConnectionFactories;

/**
 * Builds a pipeline's sink from {@code output.sink.*}: one case per kind. A broker sink gets its own connection
 * factory, bound under {@code <name>-sink-connection-factory} and named on the endpoint, so it never shares one
 * with a source or another protocol.
 */
public final class ResultSinks {

    private ResultSinks() {
    }

    /** The pipeline's sink, or empty for {@code outbox}, which needs nothing beyond the outbox copy. */
    public static Optional<ResultSink> create(Pipeline pipeline, CamelContext context) {
        SinkConfig sink = pipeline.config().output().sink();
        return switch (sink.type()) {
            case OUTBOX -> Optional.empty();
            case SFTP -> Optional.of(sftp(pipeline, sink.sftp(), context));
            case JMS, AMQP -> Optional.of(queue(pipeline, sink, context));
            case HTTP -> Optional.of(new HttpCallbackSink(URI.create(required(pipeline, "http.url", sink.http().url())),
                    sink.http()));
            case RABBITMQ -> Optional.of(rabbitmq(pipeline, sink.rabbitmq()));
            case KAFKA -> Optional.of(kafka(pipeline, sink.kafka(), context));
        };
    }

    private static ResultSink sftp(Pipeline pipeline, SinkConfig.SftpSinkConfig sftp, CamelContext context) {
        String directory = sftp.directory().startsWith("/") ? sftp.directory().substring(1) : sftp.directory();
        String uri = "sftp://" + sftp.host() + ":" + sftp.port() + "/" + directory + "?" + sftpOptions(sftp);
        String description = "sftp://" + sftp.username() + "@" + sftp.host() + ":" + sftp.port() + "/" + directory;
        return new EndpointSink(context.createProducerTemplate(), context.getEndpoint(uri), description, delivery -> {
            Map<String, Object> headers = new LinkedHashMap<>(delivery.messageProperties());
            headers.put(Exchange.FILE_NAME, delivery.outcome().batchId() + ".ndjson");
            return headers;
        });
    }

    /** Written under a temporary name, renamed once complete, so a reader never sees half a file. */
    private static String sftpOptions(SftpConfig sftp) {
        StringBuilder options = new StringBuilder()
                .append("username=").append(sftp.username())
                .append("&knownHostsFile=").append(sftp.knownHostsFile())
                .append("&useUserKnownHostsFile=false")
                .append("&strictHostKeyChecking=").append(sftp.strictHostKeyChecking() ? "yes" : "no")
                .append("&autoCreate=true&binary=true&fileExist=Override")
                .append("&tempFileName=RAW(.${file:name}.part)");
        sftp.password().ifPresent(password -> options.append("&password=RAW(").append(password).append(')'));
        sftp.privateKeyFile().ifPresent(key -> options.append("&privateKeyFile=").append(key));
        return options.toString();
    }

    private static ResultSink queue(Pipeline pipeline, SinkConfig sink, CamelContext context) {
        QueueSinkConfig queue = sink.queue();
        String destination = required(pipeline, "queue.destination", queue.destination());
        String brokerUrl = required(pipeline, "queue.broker-url", queue.brokerUrl());
        String factoryName = pipeline.routeId("sink-connection-factory");
        context.getRegistry().bind(factoryName, ConnectionFactory.class,
                connectionFactory(sink.type(), brokerUrl, queue));
        String component = sink.type() == SinkConfig.SinkType.JMS ? "jms" : "amqp";
        String uri = component + ":queue:" + destination + "?connectionFactory=#" + factoryName;
        return new EndpointSink(context.createProducerTemplate(), context.getEndpoint(uri),
                component + ":queue:" + destination, Delivery::messageProperties);
    }

    /** To {@code exchange} with {@code routing-key}, or to {@code queue} through the default exchange. */
    private static ResultSink rabbitmq(Pipeline pipeline, RabbitMqSinkConfig rabbit) {
        String exchange = rabbit.exchange().filter(name -> !name.isBlank()).orElse("");
        String routingKey = exchange.isEmpty() ? required(pipeline, "rabbitmq.queue (or rabbitmq.exchange)",
                rabbit.queue()) : rabbit.routingKey().orElse("");
        return new RabbitMqSink(RabbitMqConnectionFactories.create(rabbit, "sixtyfour-" + pipeline.name() + "-sink"),
                rabbit, exchange, routingKey);
    }

    /**
     * One record per batch, keyed by the batch id, the ids as record headers; acknowledged by all in-sync replicas
     * of an idempotent producer. The client properties join the endpoint's configuration, never its URI.
     */
    private static ResultSink kafka(Pipeline pipeline, KafkaSinkConfig kafka, CamelContext context) {
        String topic = required(pipeline, "kafka.topic", kafka.topic());
        String brokers = required(pipeline, "kafka.brokers", kafka.brokers());
        KafkaEndpoint endpoint = context.getEndpoint("kafka:" + topic + "?brokers=RAW(" + brokers + ")"
                + "&requestRequiredAcks=all&enableIdempotence=true"
                + "&keySerializer=" + StringSerializer.class.getName()
                + "&valueSerializer=" + StringSerializer.class.getName(), KafkaEndpoint.class);
        endpoint.getConfiguration().setAdditionalProperties(new HashMap<>(kafka.properties()));
        return new EndpointSink(context.createProducerTemplate(), endpoint, "kafka:" + topic, delivery -> {
            Map<String, Object> headers = new LinkedHashMap<>();
            delivery.messageProperties().forEach((name, value) -> headers.put(name, String.valueOf(value)));
            headers.put(KafkaConstants.KEY, delivery.outcome().batchId());
            return headers;
        }, delivery -> delivery.text(kafka.format()));
    }

    private static ConnectionFactory connectionFactory(SinkConfig.SinkType type, String brokerUrl,
                                                       QueueSinkConfig queue) {
        String username = queue.username().orElse(null);
        String password = queue.password().orElse(null);
        return type == SinkConfig.SinkType.JMS
                ? new ActiveMQConnectionFactory(brokerUrl, username, password)
                : new JmsConnectionFactory(username, password, brokerUrl);
    }

    private static String required(Pipeline pipeline, String option, Optional<String> value) {
        return value.filter(text -> !text.isBlank()).orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name() + ".output.sink." + option
                + " is required for a " + pipeline.config().output().sink().type().name().toLowerCase(Locale.ROOT)
                + " sink"));
    }
}

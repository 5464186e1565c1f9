package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where a pipeline's results go besides the outbox, under {@code sixtyfour.pipelines.<name>.output.sink.*}. The
 * outbox copy and its manifest line are always written first; a sink delivery that keeps failing is parked in
 * {@code undelivered/} for an operator to replay.
 */
public interface SinkConfig {

    /**
     * {@code outbox} (only the outbox folder), {@code sftp}, {@code jms}, {@code amqp}, {@code http},
     * {@code rabbitmq} or {@code kafka}.
     */
    @WithDefault("outbox")
    SinkType type();

    SftpSinkConfig sftp();

    /** The destination of a {@code jms} (Artemis CORE) or {@code amqp} (AMQP 1.0) sink. */
    QueueSinkConfig queue();

    HttpSinkConfig http();

    RabbitMqSinkConfig rabbitmq();

    KafkaSinkConfig kafka();

    /** How a failed delivery is retried before its results are parked. */
    RetryConfig retry();

    /** One case per kind of destination; a new broker adds one value here and one case in ResultSinks. */
    enum SinkType {
        OUTBOX,
        SFTP,
        JMS,
        AMQP,
        HTTP,
        RABBITMQ,
        KAFKA
    }

    /** The SFTP server settings of the source ({@code host}, {@code port}, credentials, known_hosts) plus a folder. */
    interface SftpSinkConfig extends PipelineConfig.SftpConfig {

        /** The folder on the server the results files are written to; created when missing. */
        @WithDefault("results")
        String directory();
    }

    interface QueueSinkConfig {

        /** The queue the results messages are sent to, e.g. {@code enriched.companies}. */
        Optional<String> destination();

        /** {@code tcp://host:61616} for {@code jms}, {@code amqp://host:5672} for {@code amqp}. */
        @WithName("broker-url")
        Optional<String> brokerUrl();

        Optional<String> username();

        /** Set through an environment variable. */
        Optional<String> password();
    }

    interface HttpSinkConfig {

        /** The callback URL the batch's results are POSTed to. */
        Optional<String> url();

        /** {@code json} (one array) or {@code ndjson} (one row per line). */
        @WithDefault("json")
        CallbackFormat format();

        /** Sent as {@code Authorization: Bearer <token>}; set through an environment variable, never logged. */
        @WithName("bearer-token")
        Optional<String> bearerToken();

        /** A header of the receiver's own scheme, e.g. {@code X-Api-Key}; its value from {@code header-value}. */
        @WithName("header-name")
        Optional<String> headerName();

        /** Set through an environment variable, never logged. */
        @WithName("header-value")
        Optional<String> headerValue();

        /** How long one POST may take before it counts as failed. */
        @WithDefault("30s")
        Duration timeout();
    }

    /**
     * A RabbitMQ broker (AMQP 0-9-1) the results are published to: to {@code exchange} with {@code routing-key}, or,
     * without an exchange, to {@code queue} through the default exchange. The broker settings are those of the
     * {@code rabbitmq} source.
     */
    interface RabbitMqSinkConfig extends RabbitMqBroker {

        /** The exchange to publish to; it must exist (the sink declares nothing). */
        Optional<String> exchange();

        /** The routing key of {@code exchange}; defaults to the empty key. */
        @WithName("routing-key")
        Optional<String> routingKey();

        /** The queue to publish to through the default exchange, when no {@code exchange} is set; it must exist. */
        Optional<String> queue();

        /** {@code json} (one array) or {@code ndjson} (one row per line). */
        @WithDefault("ndjson")
        CallbackFormat format();

        /** How long the broker has to confirm a publication before the delivery counts as failed. */
        @WithName("confirm-timeout")
        @WithDefault("10s")
        Duration confirmTimeout();
    }

    /** A Kafka topic the results are produced to, one record per batch keyed by the batch id. */
    interface KafkaSinkConfig {

        /** The bootstrap servers, e.g. {@code broker-1:9092,broker-2:9092}. */
        Optional<String> brokers();

        /** The topic, e.g. {@code enriched.companies}. */
        Optional<String> topic();

        /** {@code json} (one array) or {@code ndjson} (one row per line). */
        @WithDefault("ndjson")
        CallbackFormat format();

        /**
         * Further Kafka producer properties, passed as they are (security, {@code max.block.ms},
         * {@code delivery.timeout.ms}, ...): into the endpoint's configuration, never its URI, never logged.
         */
        Map<String, String> properties();
    }

    enum CallbackFormat {
        JSON,
        NDJSON
    }

    interface RetryConfig {

        /** Deliveries tried before the results are parked in {@code undelivered/}. */
        @WithDefault("5")
        int attempts();

        /** Wait before the second attempt; each further wait doubles, up to {@code max-delay}. */
        @WithName("first-delay")
        @WithDefault("1s")
        Duration firstDelay();

        @WithName("max-delay")
        @WithDefault("30s")
        Duration maxDelay();
    }
}

package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where a pipeline's results go besides the outbox, under {@code sixtyfour.pipelines.<name>.output.sink.*}. The
 * outbox copy and its manifest line are always written first; a sink delivery that keeps failing is parked in
 * {@code undelivered/} for an operator to replay.
 */
public interface SinkConfig {

    /** {@code outbox} (only the outbox folder), {@code sftp}, {@code jms}, {@code amqp} or {@code http}. */
    @WithDefault("outbox")
    SinkType type();

    SftpSinkConfig sftp();

    /** The destination of a {@code jms} (Artemis CORE) or {@code amqp} (AMQP 1.0) sink. */
    QueueSinkConfig queue();

    HttpSinkConfig http();

    /** How a failed delivery is retried before its results are parked. */
    RetryConfig retry();

    /** One case per kind of destination; a new broker adds one value here and one case in ResultSinks. */
    enum SinkType {
        OUTBOX,
        SFTP,
        JMS,
        AMQP,
        HTTP
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

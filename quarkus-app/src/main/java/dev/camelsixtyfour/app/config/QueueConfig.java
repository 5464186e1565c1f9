package dev.camelsixtyfour.app.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The queue a {@code jms} (Artemis CORE protocol) or {@code amqp} (AMQP 1.0) source consumes; each pipeline has its
 * own connection factory built from these settings.
 */
public interface QueueConfig {

    /** The queue to consume, e.g. {@code orders}. */
    Optional<String> destination();

    /**
     * The broker: an Artemis URL such as {@code tcp://127.0.0.1:61616} for {@code jms}, an AMQP URI such as
     * {@code amqp://127.0.0.1:5672} for {@code amqp}.
     */
    @WithName("broker-url")
    Optional<String> brokerUrl();

    Optional<String> username();

    /** Set through an environment variable, e.g. {@code ${ORDERS_BROKER_PASSWORD}}. */
    Optional<String> password();

    /** Where a message goes once it has failed {@code max-deliveries} times; defaults to {@code <destination>.DLQ}. */
    @WithName("dead-letter-destination")
    Optional<String> deadLetterDestination();

    /** How many deliveries a message gets before it moves to the dead-letter destination. */
    @WithName("max-deliveries")
    @WithDefault("5")
    int maxDeliveries();

    /** Messages of this queue read in parallel. */
    @WithName("concurrent-consumers")
    @WithDefault("1")
    int concurrentConsumers();
}

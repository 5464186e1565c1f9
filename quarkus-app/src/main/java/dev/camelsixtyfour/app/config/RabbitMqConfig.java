package dev.camelsixtyfour.app.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The RabbitMQ queue a {@code rabbitmq} source consumes (AMQP 0-9-1, camel-spring-rabbitmq); each pipeline has its
 * own connection factory built from these settings. The app declares the queue as a durable quorum queue, because
 * only a quorum queue counts deliveries ({@code x-delivery-count}), which {@code max-deliveries} relies on.
 */
public interface RabbitMqConfig extends RabbitMqBroker {

    /** The queue to consume, e.g. {@code orders}; declared as a durable quorum queue when missing. */
    Optional<String> queue();

    /**
     * The exchange the queue is bound to; {@code default} (RabbitMQ's default exchange, where the routing key is the
     * queue name) needs no binding.
     */
    @WithDefault("default")
    String exchange();

    /** Type of {@code exchange} when the app declares it: direct, topic, fanout or headers. */
    @WithName("exchange-type")
    @WithDefault("direct")
    String exchangeType();

    /** The binding's routing key; defaults to the queue name. */
    @WithName("routing-key")
    Optional<String> routingKey();

    /** Unacknowledged messages the broker hands each consumer at once. */
    @WithDefault("10")
    int prefetch();

    /** How many deliveries a message gets before it moves to the dead-letter queue. */
    @WithName("max-deliveries")
    @WithDefault("5")
    int maxDeliveries();

    /** The direct exchange dead letters are published to; defaults to {@code <queue>.dlx}. */
    @WithName("dead-letter-exchange")
    Optional<String> deadLetterExchange();

    /** The queue bound to the dead-letter exchange; defaults to {@code <queue>.DLQ}. */
    @WithName("dead-letter-queue")
    Optional<String> deadLetterQueue();

    /** Messages of this queue read in parallel. */
    @WithName("concurrent-consumers")
    @WithDefault("1")
    int concurrentConsumers();
}

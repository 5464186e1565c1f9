package dev.camelsixtyfour.app.source.queue;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

import dev.camelsixtyfour.app.config.RabbitMqBroker;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * One Spring AMQP connection factory per {@code rabbitmq} source (and per {@code rabbitmq} sink), named on its
 * endpoints, so no two pipelines (and no route of the operator's own) share one picked up from the registry. Publisher
 * confirms are on: a dead letter counts as published only once the broker has confirmed it, and only then is the
 * original acknowledged.
 */
public final class RabbitMqConnectionFactories {

    private RabbitMqConnectionFactories() {
    }

    static CachingConnectionFactory create(Pipeline pipeline) {
        return create(pipeline.config().source().rabbitmq(), "sixtyfour-" + pipeline.name());
    }

    /** A factory for {@code rabbit}, whose connections the broker lists under {@code connectionName}. */
    public static CachingConnectionFactory create(RabbitMqBroker rabbit, String connectionName) {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        factory.setVirtualHost(rabbit.virtualHost());
        rabbit.username().ifPresent(factory::setUsername);
        rabbit.password().ifPresent(factory::setPassword);
        factory.setPublisherConfirmType(ConfirmType.SIMPLE);
        factory.setConnectionNameStrategy(connectionFactory -> connectionName);
        return factory;
    }
}

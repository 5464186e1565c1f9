package dev.camelsixtyfour.app.source.queue;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

import dev.camelsixtyfour.app.config.RabbitMqConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * One Spring AMQP connection factory per {@code rabbitmq} pipeline, named on its endpoints, so no two pipelines (and
 * no route of the operator's own) share one picked up from the registry. Publisher confirms are on: a dead letter
 * counts as published only once the broker has confirmed it, and only then is the original acknowledged.
 */
final class RabbitMqConnectionFactories {

    private RabbitMqConnectionFactories() {
    }

    static CachingConnectionFactory create(Pipeline pipeline) {
        RabbitMqConfig rabbit = pipeline.config().source().rabbitmq();
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        factory.setVirtualHost(rabbit.virtualHost());
        rabbit.username().ifPresent(factory::setUsername);
        rabbit.password().ifPresent(factory::setPassword);
        factory.setPublisherConfirmType(ConfirmType.SIMPLE);
        factory.setConnectionNameStrategy(connectionFactory -> "sixtyfour-" + pipeline.name());
        return factory;
    }
}

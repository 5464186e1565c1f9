package dev.camelsixtyfour.app.source.queue;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

import dev.camelsixtyfour.app.config.QueueConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * One connection factory per queue pipeline, of the protocol its source type names: Artemis's own CORE protocol
 * client for {@code jms}, Qpid JMS (AMQP 1.0) for {@code amqp}. Each route names its factory explicitly, so the jms
 * and amqp components never share one picked up from the registry.
 */
final class QueueConnectionFactories {

    private QueueConnectionFactories() {
    }

    static ConnectionFactory create(Pipeline pipeline) {
        QueueConfig queue = pipeline.config().source().queue();
        String brokerUrl = queue.brokerUrl().orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name()
                + ".source.queue.broker-url is required"));
        String username = queue.username().orElse(null);
        String password = queue.password().orElse(null);
        return switch (pipeline.config().source().type()) {
            case JMS -> new ActiveMQConnectionFactory(brokerUrl, username, password);
            case AMQP -> new JmsConnectionFactory(username, password, brokerUrl);
            case FILE, SFTP, HTTP, KAFKA, MAIL -> throw new IllegalStateException("Pipeline " + pipeline.name()
                    + " has no JMS or AMQP queue source");
            case RABBITMQ -> throw new IllegalStateException("Pipeline " + pipeline.name()
                    + " consumes RabbitMQ through its own connection factory (RabbitMqConnectionFactories)");
        };
    }
}

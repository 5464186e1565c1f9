package dev.camelsixtyfour.app.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where a RabbitMQ broker is and who the app is there: shared by the {@code rabbitmq} source and sink. */
public interface RabbitMqBroker {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    @WithName("virtual-host")
    @WithDefault("/")
    String virtualHost();

    Optional<String> username();

    /** Set through an environment variable, e.g. {@code ${ORDERS_RABBITMQ_PASSWORD}}. */
    Optional<String> password();
}

package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;

/**
 * An embedded Artemis broker for a Quarkus test, with one acceptor per protocol on free 127.0.0.1 ports: CORE (for
 * {@code jms} sources) and AMQP 1.0 (for {@code amqp} sources). The broker keeps redelivering a rolled-back message;
 * the app's own max-deliveries decides when it goes to dead letters.
 */
public class ArtemisResource implements QuarkusTestResourceLifecycleManager {

    public static final String CORE = "CORE";
    public static final String AMQP = "AMQP";

    private static EmbeddedActiveMQ broker;
    private static int corePort;
    private static int amqpPort;

    public static String coreUrl() {
        return "tcp://127.0.0.1:" + corePort;
    }

    public static String amqpUrl() {
        return "amqp://127.0.0.1:" + amqpPort;
    }

    /** The protocol of each session that consumes {@code queue}: proof of the acceptor a route connected through. */
    public static List<String> consumerProtocols(String queue) {
        ActiveMQServer server = broker.getActiveMQServer();
        return server.getSessions().stream()
                .filter(session -> consumes(session, queue))
                .map(session -> session.getRemotingConnection().getProtocolName())
                .toList();
    }

    /** Messages waiting in {@code queue}, or 0 when it does not exist. */
    public static long messageCount(String queue) {
        Queue found = broker.getActiveMQServer().locateQueue(queue);
        return found == null ? 0 : found.getMessageCount();
    }

    /** The messages waiting in {@code queue}, as the broker holds them (browsed, not consumed). */
    public static List<Message> queuedMessages(String queue) {
        Queue found = broker.getActiveMQServer().locateQueue(queue);
        if (found == null) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        try (LinkedListIterator<MessageReference> browser = found.browserIterator()) {
            browser.forEachRemaining(reference -> messages.add(reference.getMessage()));
        }
        return messages;
    }

    @Override
    public Map<String, String> start() {
        corePort = freePort();
        amqpPort = freePort();
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .setMaxDiskUsage(-1)
                .addAddressSetting("#", new AddressSettings().setMaxDeliveryAttempts(-1).setRedeliveryDelay(0)
                        .setAutoCreateQueues(true).setAutoCreateAddresses(true));
        try {
            config.addAcceptorConfiguration("core", coreUrl() + "?protocols=CORE");
            config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + amqpPort + "?protocols=AMQP");
            broker = new EmbeddedActiveMQ().setConfiguration(config).start();
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Artemis broker did not start: " + e.getMessage(), e);
        }
        return Map.of("sixtyfour-test.core-url", coreUrl(), "sixtyfour-test.amqp-url", amqpUrl());
    }

    /** Creates an anycast queue up front, so a test can count its messages before anything was sent to it. */
    public static void createQueue(String name) {
        try {
            broker.getActiveMQServer().createQueue(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST)
                    .setAutoCreateAddress(true), true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create queue " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Artemis broker did not stop: " + e.getMessage(), e);
        }
    }

    private static boolean consumes(ServerSession session, String queue) {
        return session.getServerConsumers().stream()
                .anyMatch(consumer -> consumer.getQueue().getName().toString().equals(queue));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

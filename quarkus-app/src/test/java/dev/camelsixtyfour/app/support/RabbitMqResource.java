package dev.camelsixtyfour.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The machine's RabbitMQ broker (127.0.0.1:5672, guest/guest) for a Quarkus test. Each test run gets a queue of its
 * own name, which the app declares; stop deletes that queue, its dead-letter queue and its dead-letter exchange.
 */
public class RabbitMqResource implements QuarkusTestResourceLifecycleManager {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;
    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";

    private static String queue;

    /** This run's queue, e.g. {@code companies.rabbitmq.1f2e3d4c}. */
    public static String queue() {
        return queue;
    }

    public static String deadLetterQueue() {
        return queue + ".DLQ";
    }

    public static String deadLetterExchange() {
        return queue + ".dlx";
    }

    @Override
    public Map<String, String> start() {
        requireBroker();
        queue = "companies.rabbitmq." + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("sixtyfour-test.rabbitmq-queue", queue);
    }

    @Override
    public void stop() {
        if (queue == null) {
            return;
        }
        withChannel(channel -> {
            channel.queueDelete(queue);
            channel.queueDelete(deadLetterQueue());
            channel.exchangeDelete(deadLetterExchange());
            return null;
        });
    }

    /** Publishes a persistent JSON message to the run's queue through the default exchange; no id when null. */
    public static void send(String payload, String messageId) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).messageId(messageId).build();
        withChannel(channel -> {
            channel.confirmSelect();
            channel.basicPublish("", queue, properties, payload.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    /** Messages ready in {@code name} (not those delivered and not yet acknowledged). */
    public static long messageCount(String name) {
        return withChannel(channel -> (long) channel.queueDeclarePassive(name).getMessageCount());
    }

    /** Takes the next message of {@code name}, waiting for it up to {@code wait}. */
    public static GetResponse take(String name, Duration wait) {
        return await().atMost(wait).until(() -> withChannel(channel -> channel.basicGet(name, true)),
                response -> response != null);
    }

    private static void requireBroker() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ is not listening on " + HOST + ":" + PORT
                    + ": start it (bash .ci/run does) before the RabbitMQ tests", e);
        }
    }

    public interface ChannelWork<T> {
        T apply(Channel channel) throws IOException, InterruptedException, TimeoutException;
    }

    /** Runs {@code work} on a channel of its own connection to the broker. */
    public static <T> T withChannel(ChannelWork<T> work) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(USERNAME);
        factory.setPassword(PASSWORD);
        try (Connection connection = factory.newConnection("sixtyfour-test"); Channel channel = connection.createChannel()) {
            return work.apply(channel);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("RabbitMQ on " + HOST + ":" + PORT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to RabbitMQ", e);
        }
    }
}

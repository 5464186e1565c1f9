package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The brokers' side of the RabbitMQ and Kafka sinks: per run, a queue and an exchange (bound to a queue) on the
 * machine's RabbitMQ, the name of an exchange that does not exist until {@link #declareMissingExchange()} and of a
 * queue that never does; and a port where no Kafka listens until {@link #openKafkaPort()} forwards it to the tests'
 * Kafka broker ({@link KafkaResource}, which must be started too). Stop deletes what it declared.
 */
public class BrokerSinksResource implements QuarkusTestResourceLifecycleManager {

    public static final String ROUTING_KEY = "companies";

    private static String run;
    private static int kafkaPort;
    private static ServerSocket forwarder;

    public static String queue() {
        return "enriched.queue." + run;
    }

    public static String exchange() {
        return "enriched.exchange." + run;
    }

    /** The queue bound to {@link #exchange()} with {@link #ROUTING_KEY}. */
    public static String exchangeQueue() {
        return exchange() + ".q";
    }

    /** An exchange declared only by {@link #declareMissingExchange()}. */
    public static String missingExchange() {
        return "enriched.missing." + run;
    }

    public static String missingExchangeQueue() {
        return missingExchange() + ".q";
    }

    /** A queue nobody declares: a message routed to it through the default exchange reaches no queue. */
    public static String absentQueue() {
        return "enriched.absent." + run;
    }

    @Override
    public Map<String, String> start() {
        run = UUID.randomUUID().toString().substring(0, 8);
        kafkaPort = freePort();
        RabbitMqResource.withChannel(channel -> {
            channel.queueDeclare(queue(), true, false, false, null);
            channel.exchangeDeclare(exchange(), "direct", true);
            channel.queueDeclare(exchangeQueue(), true, false, false, null);
            channel.queueBind(exchangeQueue(), exchange(), ROUTING_KEY);
            return null;
        });
        return Map.of("sixtyfour-test.sink-queue", queue(), "sixtyfour-test.sink-exchange", exchange(),
                "sixtyfour-test.sink-missing-exchange", missingExchange(),
                "sixtyfour-test.sink-absent-queue", absentQueue(),
                "sixtyfour-test.kafka-closed-bootstrap", "127.0.0.1:" + kafkaPort);
    }

    @Override
    public void stop() {
        closeForwarder();
        RabbitMqResource.withChannel(channel -> {
            channel.queueDelete(queue());
            channel.queueDelete(exchangeQueue());
            channel.queueDelete(missingExchangeQueue());
            channel.exchangeDelete(exchange());
            channel.exchangeDelete(missingExchange());
            return null;
        });
    }

    /** Declares {@link #missingExchange()} and a queue bound to it with {@link #ROUTING_KEY}. */
    public static void declareMissingExchange() {
        RabbitMqResource.withChannel(channel -> {
            channel.exchangeDeclare(missingExchange(), "direct", true);
            channel.queueDeclare(missingExchangeQueue(), true, false, false, null);
            channel.queueBind(missingExchangeQueue(), missingExchange(), ROUTING_KEY);
            return null;
        });
    }

    /**
     * From now on the closed Kafka port forwards each connection to the tests' broker, which then advertises its own
     * address: a client that bootstraps through the port finds the broker.
     */
    public static synchronized void openKafkaPort() throws IOException {
        String[] target = KafkaResource.bootstrap().split(",")[0].split(":");
        InetSocketAddress broker = new InetSocketAddress(target[0], Integer.parseInt(target[1]));
        forwarder = new ServerSocket(kafkaPort, 50, InetAddress.getLoopbackAddress());
        ServerSocket listening = forwarder;
        daemon(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket();
                    upstream.connect(broker, 5_000);
                    daemon(() -> pump(client, upstream));
                    daemon(() -> pump(upstream, client));
                } catch (IOException e) {
                    // The forwarder closed, or one connection failed: the client reconnects.
                }
            }
        });
    }

    private static synchronized void closeForwarder() {
        if (forwarder != null) {
            try {
                forwarder.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side closed the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "kafka-port-forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

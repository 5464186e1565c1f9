package dev.camelsixtyfour.emulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A webhook receiver on 127.0.0.1 that records each delivery and answers with scripted statuses (then 200). */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final Deque<Duration> scriptedDelays = new ArrayDeque<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            pause(nextDelay());
            int status = nextStatus();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Holds the next deliveries this long each before answering, in order. */
    synchronized WebhookReceiver delayWith(Duration... delays) {
        scriptedDelays.addAll(List.of(delays));
        return this;
    }

    private synchronized Duration nextDelay() {
        Duration delay = scriptedDelays.pollFirst();
        return delay == null ? Duration.ZERO : delay;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers the next deliveries with these statuses, in order. */
    synchronized WebhookReceiver respondWith(Integer... statuses) {
        scriptedStatuses.addAll(List.of(statuses));
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized int nextStatus() {
        Integer status = scriptedStatuses.pollFirst();
        return status == null ? 200 : status;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One delivery as received: headers (keys as the JDK normalises them) and raw body bytes. */
    record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }
}

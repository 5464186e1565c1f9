package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A results callback receiver (the JDK's HttpServer on 127.0.0.1 and a free port) for the http sink: it records
 * every POST it gets and answers with the statuses a test scripts, 200 when none is scripted.
 */
public class CallbackServerResource implements QuarkusTestResourceLifecycleManager {

    /** One POST as received, with the status it was answered. */
    public record Callback(String path, Headers headers, String body, int status) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private static final List<Callback> RECEIVED = new ArrayList<>();
    private static final Deque<Integer> SCRIPTED = new ArrayDeque<>();
    private static int otherwise = 200;
    private HttpServer server;

    /** The next answers, in order; after them, {@code thereafter}. */
    public static synchronized void answer(int thereafter, Integer... next) {
        SCRIPTED.clear();
        SCRIPTED.addAll(List.of(next));
        otherwise = thereafter;
    }

    /** The POSTs received on {@code path} so far. */
    public static synchronized List<Callback> received(String path) {
        return RECEIVED.stream().filter(callback -> callback.path().equals(path)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the callback receiver", e);
        }
        server.createContext("/", CallbackServerResource::receive);
        server.start();
        return Map.of("sixtyfour-test.callback-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = record(exchange, body);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static synchronized int record(HttpExchange exchange, String body) {
        int status = SCRIPTED.isEmpty() ? otherwise : SCRIPTED.poll();
        RECEIVED.add(new Callback(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body, status));
        return status;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package dev.camelsixtyfour.component.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a result file of any number of rows generated while it is written, so a test can download a file far
 * larger than its heap. Stands in for the storage behind a signed download URL; binds 127.0.0.1 only.
 */
public final class GeneratedResultServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> apiKeyHeaders = new CopyOnWriteArrayList<>();

    private GeneratedResultServer(HttpServer server) {
        this.server = server;
    }

    public static GeneratedResultServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GeneratedResultServer generated = new GeneratedResultServer(server);
        server.createContext("/results/", generated::serve);
        server.start();
        return generated;
    }

    /**
     * The URL of a file with {@code rows} rows in {@code format} (csv, json or ndjson).
     */
    public URI url(String format, long rows) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/results/" + rows + "." + format
                          + "?X-Goog-Signature=generated");
    }

    /**
     * The value of any API-key header each download arrived with (null when absent).
     */
    public List<String> apiKeyHeaders() {
        return apiKeyHeaders;
    }

    /**
     * The size in bytes of the file {@link #url(String, long)} serves.
     */
    public static long fileSize(String format, long rows) {
        CountingStream counter = new CountingStream();
        try {
            write(format, rows, counter);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return counter.count;
    }

    private void serve(HttpExchange exchange) throws IOException {
        apiKeyHeaders.add(exchange.getRequestHeaders().getFirst("x-api-key"));
        String name = exchange.getRequestURI().getPath().substring("/results/".length());
        long rows = Long.parseLong(name.substring(0, name.indexOf('.')));
        String format = name.substring(name.indexOf('.') + 1);

        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            write(format, rows, out);
        } catch (IOException e) {
            // The client closed the stream early; nothing is left to send.
        } finally {
            exchange.close();
        }
    }

    private static void write(String format, long rows, OutputStream out) throws IOException {
        if ("csv".equals(format)) {
            out.write("row,company,domain,employees\n".getBytes(StandardCharsets.UTF_8));
        } else if ("json".equals(format)) {
            out.write('[');
        }
        for (long row = 1; row <= rows; row++) {
            out.write(line(format, row).getBytes(StandardCharsets.UTF_8));
        }
        if ("json".equals(format)) {
            out.write(']');
        }
    }

    private static String line(String format, long row) {
        return switch (format) {
            case "csv" -> row + ",Company " + row + ",company-" + row + ".example," + (row % 5000) + "\n";
            case "json" -> (row == 1 ? "" : ",\n") + json(row);
            case "ndjson" -> json(row) + "\n";
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    private static String json(long row) {
        return "{\"row\":" + row + ",\"company\":\"Company " + row + "\",\"domain\":\"company-" + row
               + ".example\",\"employees\":" + (row % 5000) + "}";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

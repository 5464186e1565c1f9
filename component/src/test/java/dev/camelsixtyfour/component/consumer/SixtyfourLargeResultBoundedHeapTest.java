package dev.camelsixtyfour.component.consumer;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.camelsixtyfour.component.support.GeneratedResultServer;
import dev.camelsixtyfour.component.support.PlatformHttpServer;
import dev.camelsixtyfour.component.support.WebhookSigning;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.camel.builder.Builder.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A million-row result streamed through a route with a heap far smaller than the file. Runs in its own surefire
 * execution with -Xmx32m (see the component pom), where reading the file whole would fail with OutOfMemoryError.
 */
class SixtyfourLargeResultBoundedHeapTest {

    private static final String SECRET = "sk_whsec_" + UUID.randomUUID();
    private static final long ROWS = 1_000_000;
    /** A row held as a LinkedHashMap of four entries costs far more than this; a list of all rows cannot fit. */
    private static final long MIN_BYTES_PER_MATERIALISED_ROW = 400;
    private static final long HEAP_BOUND = 32L * 1024 * 1024;

    private final AtomicLong rowsSeen = new AtomicLong();
    private final AtomicLong lastRowNumber = new AtomicLong();
    private final HeapSampler heap = new HeapSampler();
    private GeneratedResultServer storage;
    private CamelContext context;
    private int port;

    @BeforeEach
    void startStorage() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() <= HEAP_BOUND,
                "needs the bounded-heap surefire execution's -Xmx32m; a larger heap proves nothing about streaming");
        storage = GeneratedResultServer.start();
    }

    @AfterEach
    void stopAll() {
        heap.stop();
        if (context != null) {
            context.stop();
        }
        storage.close();
    }

    @Test
    void millionRowDownloadIsSplitRowByRowWithinABoundedHeap() throws Exception {
        startReceiver("streamResults=true", route -> route.split(body()).streaming()
                .process(exchange -> {
                    rowsSeen.incrementAndGet();
                    lastRowNumber.set(exchange.getMessage().getBody(Map.class).get("row") instanceof Number n
                            ? n.longValue() : -1);
                }));
        long fileSize = GeneratedResultServer.fileSize("ndjson", ROWS);

        heap.start();
        deliver(storage.url("ndjson", ROWS));
        await().atMost(Duration.ofMinutes(3)).until(() -> rowsSeen.get() == ROWS);
        heap.stop();

        report("split", fileSize);
        assertThat(lastRowNumber.get()).isEqualTo(ROWS);
        assertThat(fileSize).isGreaterThan(2 * HEAP_BOUND);
        assertThat(ROWS * MIN_BYTES_PER_MATERIALISED_ROW).isGreaterThan(10 * HEAP_BOUND);
        assertThat(heap.peak()).isLessThan(HEAP_BOUND);
    }

    @Test
    void millionRowDownloadIsWrittenToTheResultsDirectoryWithinABoundedHeap(@TempDir Path directory)
            throws Exception {
        AtomicLong written = new AtomicLong(-1);
        startReceiver("resultsDirectory=" + directory, route -> route.process(
                exchange -> written.set(exchange.getMessage().getBody(File.class).length())));
        long fileSize = GeneratedResultServer.fileSize("csv", ROWS);

        heap.start();
        deliver(storage.url("csv", ROWS));
        await().atMost(Duration.ofMinutes(3)).until(() -> written.get() >= 0);
        heap.stop();

        report("file", fileSize);
        assertThat(written.get()).isEqualTo(fileSize);
        assertThat(heap.peak()).isLessThan(HEAP_BOUND);
    }

    private void startReceiver(String options, Consumer<RouteDefinition> steps)
            throws Exception {
        context = new DefaultCamelContext();
        port = PlatformHttpServer.addTo(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                steps.accept(from("sixtyfour:webhook?path=/big&signingSecret=RAW(" + SECRET + ")&" + options));
            }
        });
        context.start();
    }

    private void deliver(URI downloadUrl) throws Exception {
        String body = "{\"event_id\":\"evt-million\",\"run_id\":\"run-million\",\"status\":\"completed\","
                      + "\"row_count\":" + ROWS + ",\"results\":null,\"results_download_url\":\"" + downloadUrl + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/big"))
                .header("Content-Type", "application/json")
                .header("Sixtyfour-Event-Id", "evt-million")
                .header("Sixtyfour-Signature", WebhookSigning.header(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private void report(String scenario, long fileSize) {
        System.out.printf("bounded-heap %s: %d rows, file %d bytes, max heap %d bytes, peak heap used %d bytes%n",
                scenario, ROWS, fileSize, Runtime.getRuntime().maxMemory(), heap.peak());
    }

    /**
     * Samples the used heap every few milliseconds and keeps the highest value seen.
     */
    private static final class HeapSampler {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak.get();
        }
    }
}

package dev.camelsixtyfour.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many {@code POST /workflows/run} requests with 100-row payloads a second the emulator serves to a concurrent
 * client. Bounded: a warm-up, then a fixed number of requests. Not a test; run it with
 * {@code mvn -B -ntp -q -pl emulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.camelsixtyfour.emulator.RunTriggerBenchmark [-Dexec.args="requests clients"]}.
 */
public final class RunTriggerBenchmark {

    private static final int ROWS = 100;

    private RunTriggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        byte[] body = ApiClient.json(Map.of("webhook_payload", rows())).getBytes(StandardCharsets.UTF_8);

        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().maxRecordedRequests(1_000).build().start()) {
            ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(clientThreads).build();
            URI target = URI.create(emulator.baseUri() + "/workflows/run?workflow_id="
                    + EmulatorDefaults.COMPANY_WORKFLOW_ID);

            fire(http, target, body, Math.min(1_000, requests / 5), clients);
            emulator.reset();
            long started = System.nanoTime();
            long[] latencies = fire(http, target, body, requests, clients);
            double seconds = (System.nanoTime() - started) / 1e9;

            Arrays.sort(latencies);
            System.out.printf("POST /workflows/run, %d-row payloads (%d bytes), %d requests, %d concurrent clients%n",
                    ROWS, body.length, requests, clients);
            System.out.printf("throughput: %.0f requests/s over %.2f s; latency p50 %.1f ms, p99 %.1f ms; "
                    + "runs accepted: %d%n", requests / seconds, seconds, latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6, emulator.runs().size());
            clientThreads.shutdown();
        }
    }

    private static long[] fire(HttpClient http, URI target, byte[] body, int requests, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target)
                            .header("x-api-key", EmulatorDefaults.DEFAULT_API_KEY)
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("Run request answered " + response.statusCode());
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", "SYM" + i);
            row.put("name", "Benchmark Company " + i + " Inc.");
            row.put("sector", "Industrials");
            row.put("headquarters", "Saint Paul, Minnesota");
            rows.add(row);
        }
        return rows;
    }
}

package dev.camelsixtyfour.component.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.camelsixtyfour.component.SixtyfourComponent;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Not a test: starts runs on the emulator through {@code sixtyfour:} and through the hand-written alternative
 * (camel-http plus Jackson, the same headers and body), side by side, and prints the throughput ratio.
 * <p>
 * Run: {@code mvn -B -ntp -pl component -am verify -Pbenchmark -DskipTests}, on a machine with 1 or 2 CPUs with
 * {@code MAVEN_OPTS=-Djava.util.concurrent.ForkJoinPool.common.parallelism=2} as a deployment would; tune with -Dbenchmark.exchanges,
 * -Dbenchmark.concurrency, -Dbenchmark.rows, -Dbenchmark.rounds, -Dbenchmark.latencyMillis, -Dbenchmark.threads
 * and -Dbenchmark.inFlight.
 */
public final class RunTriggerBenchmark {

    private static final int EXCHANGES = Integer.getInteger("benchmark.exchanges", 2_000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 32);
    private static final int ROWS = Integer.getInteger("benchmark.rows", 20);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("benchmark.latencyMillis", 100));
    private static final int THREAD_BUDGET = Integer.getInteger("benchmark.threads", 8);
    private static final int IN_FLIGHT = Integer.getInteger("benchmark.inFlight", 256);
    /** The S&P 500 list kept beside the project ({@code ../shared/data} from the directory Maven runs in). */
    private static final Path DATA = Path.of(System.getProperty("benchmark.data",
            Path.of(System.getProperty("maven.multiModuleProjectDirectory", "."))
                    .resolve("../shared/data/sp500-constituents.csv").normalize().toString()));

    private RunTriggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Production logging: the test configuration's DEBUG lines would be a cost the hand-written route does not pay.
        Configurator.setLevel("dev.camelsixtyfour", Level.INFO);
        try (SixtyfourEmulator emulator = SixtyfourEmulator.builder().port(0).httpThreads(512)
                .runStepDuration(Duration.ofMillis(20)).maxRecordedRequests(1_000).build().start();
             CamelContext context = camel(emulator)) {
            context.start();
            List<List<Map<String, Object>>> batches = batches(readCompanies());
            ProducerTemplate template = context.createProducerTemplate();

            sameThreads(emulator, template, batches);
            sameThreadBudgetWithServiceLatency(emulator, context, template, batches);
        }
    }

    /**
     * Scenario 1: no service latency, {@code CONCURRENCY} calling threads that each wait for their exchange, the way
     * a synchronous route drives both. Measures the per-request cost of each side.
     */
    private static void sameThreads(SixtyfourEmulator emulator, ProducerTemplate template,
                                    List<List<Map<String, Object>>> batches) throws Exception {
        measure(template, "direct:component", batches, EXCHANGES / 4, CONCURRENCY);
        measure(template, "direct:handwritten", batches, EXCHANGES / 4, CONCURRENCY);
        double[] component = new double[ROUNDS];
        double[] handwritten = new double[ROUNDS];
        double[] componentCpu = new double[ROUNDS];
        double[] handwrittenCpu = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            emulator.reset();
            Measurement sixtyfour = measure(template, "direct:component", batches, EXCHANGES, CONCURRENCY);
            emulator.reset();
            Measurement http = measure(template, "direct:handwritten", batches, EXCHANGES, CONCURRENCY);
            component[round] = sixtyfour.rate();
            handwritten[round] = http.rate();
            componentCpu[round] = sixtyfour.cpuMicros();
            handwrittenCpu[round] = http.cpuMicros();
            System.out.printf("scenario 1 round %d: sixtyfour %.0f/s (%.0f us CPU each), camel-http+Jackson %.0f/s"
                              + " (%.0f us CPU each)%n", round + 1, sixtyfour.rate(), sixtyfour.cpuMicros(),
                    http.rate(), http.cpuMicros());
        }
        System.out.printf("RESULT scenario 1 (no service latency, %d calling threads each, %d exchanges x %d rows,"
                          + " common pool parallelism %d): sixtyfour %.0f/s vs camel-http+Jackson %.0f/s, ratio %.2f"
                          + " (medians of %d rounds); process CPU per exchange, emulator included: sixtyfour %.0f us"
                          + " vs camel-http+Jackson %.0f us%n", CONCURRENCY, EXCHANGES, ROWS,
                ForkJoinPool.getCommonPoolParallelism(), median(component), median(handwritten),
                median(component) / median(handwritten), ROUNDS, median(componentCpu), median(handwrittenCpu));
    }

    /**
     * Scenario 2: the service answers after {@code LATENCY}, like a remote API, and each side gets the same small
     * thread budget. The blocking camel-http producer can have only as many requests in flight as it has threads;
     * the asynchronous component keeps {@code IN_FLIGHT} requests in flight from one calling thread.
     */
    private static void sameThreadBudgetWithServiceLatency(SixtyfourEmulator emulator, CamelContext context,
                                                           ProducerTemplate template,
                                                           List<List<Map<String, Object>>> batches)
            throws Exception {
        emulator.reset();
        emulator.faults().latency(LATENCY);
        int exchanges = EXCHANGES / 2;
        double component = measureAsync(context, batches, exchanges);
        emulator.reset();
        emulator.faults().latency(LATENCY);
        closeIdleHttpConnections(context);
        double handwritten = measure(template, "direct:handwritten", batches, exchanges, THREAD_BUDGET).rate();
        System.out.printf("RESULT scenario 2 (service latency %d ms, thread budget %d, %d exchanges): sixtyfour"
                          + " %.0f/s (%d in flight) vs camel-http+Jackson %.0f/s, ratio %.2f%n",
                LATENCY.toMillis(), THREAD_BUDGET, exchanges, component, IN_FLIGHT, handwritten,
                component / handwritten);
    }

    private static CamelContext camel(SixtyfourEmulator emulator) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SixtyfourComponent component = new SixtyfourComponent();
        component.getConfiguration().setApiKey(EmulatorDefaults.DEFAULT_API_KEY);
        component.getConfiguration().setBaseUri(emulator.baseUri().toString());
        context.addComponent("sixtyfour", component);

        ObjectMapper mapper = new ObjectMapper();
        String runUri = emulator.baseUri() + "/workflows/run?workflow_id="
                        + EmulatorDefaults.COMPANY_WORKFLOW_ID;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:component")
                        .to("sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID);

                // What an integration engineer writes by hand: Jackson body, headers, camel-http, Jackson answer,
                // and redelivery for a pooled connection the server closed meanwhile.
                from("direct:handwritten")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(10))
                        .process(exchange -> {
                            Map<String, Object> body = Map.of("webhook_payload", exchange.getMessage().getBody());
                            exchange.getMessage().setBody(mapper.writeValueAsBytes(body));
                            exchange.getMessage().setHeader("x-api-key", EmulatorDefaults.DEFAULT_API_KEY);
                            exchange.getMessage().setHeader("Idempotency-Key", exchange.getExchangeId());
                            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                        })
                        .to(runUri + "&connectionsPerRoute=" + CONCURRENCY * 2 + "&maxTotalConnections="
                            + CONCURRENCY * 2)
                        .process(exchange -> {
                            Map<?, ?> answer = mapper.readValue(exchange.getMessage().getBody(byte[].class), Map.class);
                            exchange.getMessage().setHeader(SixtyfourConstants.JOB_ID, answer.get("job_id"));
                            exchange.getMessage().setBody(answer);
                        });
            }
        });
        return context;
    }

    /** Connections pooled during scenario 1 may have been closed by the server since; start afresh. */
    private static void closeIdleHttpConnections(CamelContext context) {
        HttpClientConnectionManager manager = context.getComponent("http", HttpComponent.class)
                .getClientConnectionManager();
        if (manager instanceof PoolingHttpClientConnectionManager pooling) {
            pooling.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
    }

    /** Exchanges a second with {@code callers} threads, each sending and waiting like a synchronous route. */
    private static Measurement measure(ProducerTemplate template, String uri, List<List<Map<String, Object>>> batches,
                                       int exchanges, int callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < exchanges; i++) {
                List<Map<String, Object>> batch = batches.get(i % batches.size());
                sent.add(threads.submit(() -> template.send(uri, exchange -> exchange.getMessage().setBody(batch))));
            }
            for (Future<Exchange> future : sent) {
                requireStarted(future.get(), uri);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpuStart) / 1e3 / exchanges;
            return new Measurement(exchanges / seconds, cpuMicros);
        } finally {
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /**
     * The CPU time this JVM has used: a cost per exchange that other processes on a busy machine disturb far less
     * than they disturb throughput.
     */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Throughput, and process CPU time per exchange in microseconds. */
    private record Measurement(double rate, double cpuMicros) {
    }

    /** Exchanges a second through the component's asynchronous producer, driven by one thread. */
    private static double measureAsync(CamelContext context, List<List<Map<String, Object>>> batches, int exchanges)
            throws Exception {
        Endpoint endpoint = context.getEndpoint("sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        AsyncProducer producer = (AsyncProducer) endpoint.createProducer();
        producer.start();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(exchanges);
        List<Exchange> completed = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < exchanges; i++) {
            inFlight.acquire();
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(batches.get(i % batches.size()));
            producer.process(exchange, sync -> {
                completed.add(exchange);
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double rate = exchanges / ((System.nanoTime() - start) / 1e9);
        producer.stop();
        completed.forEach(exchange -> requireStarted(exchange, endpoint.getEndpointBaseUri()));
        return rate;
    }

    private static void requireStarted(Exchange exchange, String uri) {
        if (exchange.getException() != null || exchange.getMessage().getHeader(SixtyfourConstants.JOB_ID) == null) {
            throw new IllegalStateException("A run failed to start through " + uri, exchange.getException());
        }
    }

    private static List<Map<String, Object>> readCompanies() throws IOException {
        if (!Files.isReadable(DATA)) {
            throw new IllegalArgumentException("Cannot read " + DATA + "; point -Dbenchmark.data at the S&P 500 CSV");
        }
        List<String> lines = Files.readAllLines(DATA);
        String[] header = lines.get(0).split(",");
        List<Map<String, Object>> companies = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            // Quoted fields hold commas; for a benchmark the simple split of the first columns is enough.
            String[] fields = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.length, fields.length); i++) {
                row.put(header[i].toLowerCase().replace(' ', '_'), fields[i].replace("\"", ""));
            }
            row.put("symbol", fields[0]);
            row.put("name", fields[1]);
            companies.add(row);
        }
        return companies;
    }

    private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> companies) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int start = 0; start + ROWS <= companies.size(); start += ROWS) {
            batches.add(companies.subList(start, start + ROWS));
        }
        return batches;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

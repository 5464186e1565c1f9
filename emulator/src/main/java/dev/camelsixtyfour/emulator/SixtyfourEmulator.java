package dev.camelsixtyfour.emulator;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, faithful stand-in for the Sixtyfour API on 127.0.0.1, for tests, benchmarks and demos.
 *
 * <pre>{@code
 * SixtyfourEmulator emulator = SixtyfourEmulator.builder()
 *         .port(0)
 *         .apiKey("test-key", "org-a")
 *         .runStepDuration(Duration.ofMillis(200))
 *         .build().start();
 * }</pre>
 *
 * Thread-safe. Workflows come from a fixtures file ({@link EmulatorDefaults#FIXTURES_RESOURCE} unless the builder
 * names another); runs advance one block per step on the real clock.
 */
public final class SixtyfourEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourEmulator.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for the
        // client's delayed ACK (~40 ms a request). The property is read once per JVM, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final Map<String, Workflow> workflows;
    private final Faults faults = new Faults();
    private final RequestJournal journal;
    private final WebhookSigner signer;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final ExecutorService webhookExecutor;
    private final WebhookDispatcher dispatcher;
    private final RunEngine engine;
    private final IdempotencyKeys idempotencyKeys;
    private final EnrichmentEndpoints enrichments;
    private final ApiRouter router;
    private volatile HttpServer server;
    private volatile URI baseUri;
    private boolean closed;

    private SixtyfourEmulator(Builder settings, List<Workflow> fixtures) {
        this.settings = settings;
        this.workflows = new LinkedHashMap<>();
        fixtures.forEach(workflow -> workflows.put(workflow.id(), workflow));
        this.journal = new RequestJournal(settings.maxRecordedRequests);
        this.signer = new WebhookSigner(settings.signingSecret);
        this.scheduler = scheduler();
        this.httpExecutor = Executors.newFixedThreadPool(settings.httpThreads,
                daemonThreads("sixtyfour-emulator-http"));
        this.webhookExecutor = Executors.newCachedThreadPool(daemonThreads("sixtyfour-emulator-webhook"));
        this.dispatcher = new WebhookDispatcher(webhookExecutor, scheduler, signer, settings.clock,
                settings.webhookRetryBackoff);

        DownloadSigner downloads = new DownloadSigner(settings.clock, settings.downloadUrlExpiry);
        ResultLinks links = new ResultLinks(this::baseUri, downloads, settings.inlineRowLimit);
        this.engine = new RunEngine(scheduler, settings.clock, settings.runStepDuration, dispatcher, links);
        this.idempotencyKeys = new IdempotencyKeys(settings.clock, EmulatorDefaults.IDEMPOTENCY_KEY_RETENTION);
        this.enrichments = new EnrichmentEndpoints(scheduler, settings.runStepDuration, dispatcher);
        this.router = routes(new ApiRouter(journal, faults, new ApiKeys(settings.orgByKey()), settings.clock),
                links, downloads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on the configured port (0 picks a free one) and starts answering. */
    public synchronized SixtyfourEmulator start() {
        if (server != null) {
            throw new IllegalStateException("The emulator is already started on " + baseUri);
        }
        if (closed) {
            throw new IllegalStateException("A closed emulator cannot start again; build a new one");
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    settings.port), 1024);
            http.createContext("/", router);
            http.setExecutor(httpExecutor);
            http.start();
            baseUri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
            server = http;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the emulator to 127.0.0.1:" + settings.port, e);
        }
        LOG.info("Sixtyfour emulator listening on {} with {} workflows", baseUri, workflows.size());
        return this;
    }

    /** Where the emulator listens, like {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return baseUri;
    }

    public int port() {
        return baseUri().getPort();
    }

    /** The failures tests switch on. */
    public Faults faults() {
        return faults;
    }

    /** Every request received since start or the last reset, oldest first (bounded, see the builder). */
    public List<RecordedRequest> requests() {
        return journal.snapshot();
    }

    /** The requests whose path starts with {@code pathPrefix}, matched by whole segments as {@link Faults} does. */
    public List<RecordedRequest> requests(String pathPrefix) {
        return journal.snapshot(pathPrefix);
    }

    /** A snapshot of every run, in the order they were started. */
    public List<EmulatedRun> runs() {
        return engine.snapshots();
    }

    public Optional<EmulatedRun> run(String jobId) {
        return Optional.ofNullable(engine.get(jobId)).map(Run::snapshot);
    }

    /** Every webhook delivery attempt so far, outgoing-webhook blocks and async-task callbacks alike. */
    public List<WebhookDelivery> webhookDeliveries() {
        return dispatcher.deliveries();
    }

    /** The ids of the workflows this emulator serves, in fixture order. */
    public List<String> workflowIds() {
        return List.copyOf(workflows.keySet());
    }

    /** The name of a served workflow. */
    public String workflowName(String workflowId) {
        Workflow workflow = workflows.get(workflowId);
        if (workflow == null) {
            throw new IllegalArgumentException("No workflow " + workflowId + " in the fixtures");
        }
        return workflow.name();
    }

    /**
     * Points the {@code outgoing_webhook} block of a workflow at {@code target} (a loopback receiver the test
     * started) until the next {@link #reset()}.
     */
    public SixtyfourEmulator outgoingWebhookUrl(String workflowId, URI target) {
        Workflow workflow = workflows.get(workflowId);
        if (workflow == null || !workflow.hasOutgoingWebhook()) {
            throw new IllegalArgumentException("Workflow " + workflowId + " has no outgoing_webhook block");
        }
        if (!WebhookDispatcher.isLoopback(target)) {
            throw new IllegalArgumentException("Outgoing webhooks may only target loopback addresses, not "
                    + target.getHost());
        }
        engine.webhookTarget(workflowId, target);
        return this;
    }

    /** Starts a signing-secret rotation: deliveries carry a {@code v1} for the new and for the previous secret. */
    public SixtyfourEmulator rollSigningSecret(String newSecret) {
        signer.roll(Objects.requireNonNull(newSecret, "newSecret"));
        return this;
    }

    /** Ends a rotation: only the newest secret signs. */
    public SixtyfourEmulator expirePreviousSigningSecret() {
        signer.expirePrevious();
        return this;
    }

    /**
     * Forgets recorded requests, runs, async tasks, idempotency keys, webhook targets and delivery attempts, and
     * switches every fault off. Pending steps of forgotten runs and pending webhook retries stop.
     */
    public void reset() {
        journal.clear();
        engine.clear();
        enrichments.clear();
        idempotencyKeys.clear();
        dispatcher.reset();
        faults.clear();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            server = null;
            LOG.info("Sixtyfour emulator on {} stopped", baseUri);
        }
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        webhookExecutor.shutdownNow();
        try {
            httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApiRouter routes(ApiRouter api, ResultLinks links, DownloadSigner downloads) {
        WorkflowRunEndpoints runs = new WorkflowRunEndpoints(workflows, engine, idempotencyKeys, links,
                settings.clock);
        WorkflowEndpoints definitions = new WorkflowEndpoints(workflows, engine);
        DownloadEndpoint download = new DownloadEndpoint(engine, downloads);
        api.route("POST", "/workflows/run", true, runs::run)
                .route("GET", "/workflows/runs", true, runs::list)
                .route("GET", "/workflows/runs/{run_id}/live_status", true, runs::liveStatus)
                .route("GET", "/workflows/runs/{run_id}/results/download-links", true, runs::downloadLinks)
                .route("POST", "/workflows/cancel", true, runs::cancel)
                .route("GET", "/workflows", true, definitions::list)
                .route("GET", "/workflows/{workflow_id}", true, definitions::get)
                .route("GET", "/job-status/{task_id}", true, enrichments::status)
                .route("GET", "/downloads/{job_id}/{file}", false, download::download);
        for (EnrichmentTask task : EnrichmentTask.values()) {
            api.route("POST", task.path(), true, (exchange, params) -> enrichments.sync(task, exchange))
                    .route("POST", task.path() + "-async", true, (exchange, params) -> enrichments.async(task,
                            exchange));
        }
        return api;
    }

    private static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2,
                daemonThreads("sixtyfour-emulator-clock"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of an emulator; every one has a default, so {@code builder().build()} is a working emulator. */
    public static final class Builder {

        private final Map<String, String> orgByKey = new LinkedHashMap<>();
        private int port;
        private String signingSecret;
        private Duration runStepDuration = EmulatorDefaults.DEFAULT_RUN_STEP_DURATION;
        private Path fixturesFile;
        private String fixturesResource = EmulatorDefaults.FIXTURES_RESOURCE;
        private Clock clock = Clock.systemUTC();
        private int inlineRowLimit = EmulatorDefaults.DEFAULT_INLINE_ROW_LIMIT;
        private Duration downloadUrlExpiry = EmulatorDefaults.DEFAULT_DOWNLOAD_EXPIRY;
        private Duration webhookRetryBackoff = EmulatorDefaults.DEFAULT_WEBHOOK_RETRY_BACKOFF;
        private int maxRecordedRequests = 10_000;
        private int httpThreads = 64;

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Accepts {@code key} for organisation {@code orgId}; may be called several times. Without any call, the
         * emulator accepts {@link EmulatorDefaults#DEFAULT_API_KEY} and {@link EmulatorDefaults#OTHER_ORG_API_KEY}.
         */
        public Builder apiKey(String key, String orgId) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(orgId, "orgId");
            orgByKey.put(key, orgId);
            return this;
        }

        /** Signs outgoing deliveries with this secret ({@code sk_whsec_…}); unsigned without one. */
        public Builder signingSecret(String secret) {
            this.signingSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** How long a run stays queued and how long each of its blocks takes (also each async-task step). */
        public Builder runStepDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("runStepDuration must not be negative, was " + duration);
            }
            this.runStepDuration = duration;
            return this;
        }

        /** Reads workflows from this YAML or JSON file instead of the bundled ones. */
        public Builder fixtures(Path file) {
            this.fixturesFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Reads workflows from this classpath resource instead of the bundled ones. */
        public Builder fixturesResource(String resource) {
            this.fixturesResource = Objects.requireNonNull(resource, "resource");
            this.fixturesFile = null;
            return this;
        }

        /** The clock of timestamps, idempotency-key retention, download-URL expiry and signature times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Outputs above this many rows are not inlined (download links, webhook bodies); default 1,000. */
        public Builder inlineRowLimit(int rows) {
            this.inlineRowLimit = rows;
            return this;
        }

        /** Validity of result download URLs; default 900 s. */
        public Builder downloadUrlExpiry(Duration expiry) {
            this.downloadUrlExpiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /** The wait before the first webhook retry, doubled on each further retry; default 1 s. */
        public Builder webhookRetryBackoff(Duration backoff) {
            this.webhookRetryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** How many of the latest requests {@link #requests()} keeps; default 10,000. */
        public Builder maxRecordedRequests(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("maxRecordedRequests must be positive, was " + count);
            }
            this.maxRecordedRequests = count;
            return this;
        }

        /** Threads answering requests; default 64. */
        public Builder httpThreads(int threads) {
            if (threads <= 0) {
                throw new IllegalArgumentException("httpThreads must be positive, was " + threads);
            }
            this.httpThreads = threads;
            return this;
        }

        /** Loads and checks the fixtures; the emulator answers once {@link SixtyfourEmulator#start()} is called. */
        public SixtyfourEmulator build() {
            List<Workflow> fixtures = fixturesFile != null ? WorkflowFixtures.fromFile(fixturesFile)
                    : WorkflowFixtures.fromResource(fixturesResource);
            return new SixtyfourEmulator(this, fixtures);
        }

        Map<String, String> orgByKey() {
            if (!orgByKey.isEmpty()) {
                return orgByKey;
            }
            return Map.of(EmulatorDefaults.DEFAULT_API_KEY, EmulatorDefaults.DEFAULT_ORG_ID,
                    EmulatorDefaults.OTHER_ORG_API_KEY, EmulatorDefaults.OTHER_ORG_ID);
        }

        boolean usesDefaultKeys() {
            return orgByKey.isEmpty();
        }
    }
}

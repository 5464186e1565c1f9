package dev.camelsixtyfour.component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelsixtyfour.component.await.RunAwaiter;
import dev.camelsixtyfour.component.client.ClientSettings;
import dev.camelsixtyfour.component.client.HttpSixtyfourClient;
import dev.camelsixtyfour.component.client.SixtyfourClient;
import dev.camelsixtyfour.component.client.SixtyfourJson;
import dev.camelsixtyfour.component.consumer.SixtyfourRunsConsumer;
import dev.camelsixtyfour.component.consumer.SixtyfourWebhookConsumer;
import dev.camelsixtyfour.component.operation.InputSchemaCache;
import dev.camelsixtyfour.component.results.ResultsFetcher;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start and follow runs of Sixtyfour enrichment workflows.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sixtyfour", title = "Sixtyfour", syntax = "sixtyfour:kind",
             category = { Category.API, Category.SAAS }, headersClass = SixtyfourConstants.class)
public class SixtyfourEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourEndpoint.class);
    private static final String WORKER_POOL_NAME = "SixtyfourWorker";
    private static final AtomicBoolean PARALLELISM_CHECKED = new AtomicBoolean();

    @UriPath(enums = "workflow,runs,webhook",
             description = "What the endpoint addresses: workflow (one workflow, by the id option), runs (the"
                           + " organisation's runs) or webhook (deliveries pushed by the service).")
    @Metadata(required = true)
    private final SixtyfourKind kind;

    @UriParam
    private SixtyfourConfiguration configuration;

    @UriParam
    private SixtyfourRunsConfiguration runsConfiguration = new SixtyfourRunsConfiguration();
    @UriParam
    private SixtyfourResultsConfiguration resultsConfiguration = new SixtyfourResultsConfiguration();
    @UriParam
    private SixtyfourAwaitConfiguration awaitConfiguration = new SixtyfourAwaitConfiguration();
    @UriParam
    private SixtyfourWebhookConfiguration webhookConfiguration = new SixtyfourWebhookConfiguration();
    private ResultsFetcher resultsFetcher;
    private RunAwaiter runAwaiter;

    private final InputSchemaCache inputSchemas = new InputSchemaCache();
    private ScheduledExecutorService scheduler;
    private ExecutorService workerPool;
    private SixtyfourClient client;

    public SixtyfourEndpoint(String uri, SixtyfourComponent component, SixtyfourKind kind,
                             SixtyfourConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (kind == SixtyfourKind.webhook) {
            throw new IllegalArgumentException("The sixtyfour:webhook endpoint only receives deliveries; use"
                                               + " sixtyfour:workflow or sixtyfour:runs to send");
        }
        return new SixtyfourProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (kind == SixtyfourKind.webhook) {
            if (webhookConfiguration.getPath() == null || webhookConfiguration.getPath().isBlank()) {
                throw new IllegalArgumentException("The path option is required for " + getEndpointUri());
            }
            if (webhookConfiguration.getSigningSecret() == null && !webhookConfiguration.isAllowUnsigned()) {
                throw new IllegalArgumentException("The signingSecret option is required for " + getEndpointUri()
                                                   + " unless allowUnsigned=true");
            }
            SixtyfourWebhookConsumer consumer = new SixtyfourWebhookConsumer(this, processor, SixtyfourJson.mapper());
            configureConsumer(consumer);
            return consumer;
        }
        SixtyfourRunsConsumer consumer = new SixtyfourRunsConsumer(this, processor, followedWorkflowId());
        configureConsumer(consumer);
        return consumer;
    }

    /** The workflow whose runs are listed and followed: the workflowId option, else a workflow endpoint's id. */
    public String followedWorkflowId() {
        if (runsConfiguration.getWorkflowId() != null) {
            return runsConfiguration.getWorkflowId();
        }
        return kind == SixtyfourKind.workflow ? configuration.getId() : null;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workerPool = newWorkerPool();
        scheduler = getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "SixtyfourScheduler");
        client = new HttpSixtyfourClient(ClientSettings.from(configuration), workerPool, scheduler,
                getComponent().getRateLimiter());
        resultsFetcher = new ResultsFetcher(client, resultsConfiguration, SixtyfourJson.mapper());
        runAwaiter = new RunAwaiter(client, scheduler);
        LOG.info("Started sixtyfour:{} endpoint against {}", kind, configuration.getBaseUri());
        warnOfThreadPerAnswer();
    }

    /**
     * JDK 17's HttpClient.sendAsync passes its own future of every request through CompletableFuture's default
     * executor, which starts a new thread per task when the common pool has fewer than 2 threads (1 or 2 CPUs).
     * Exchanges no longer wait for that thread, but starting it still costs CPU: say so once, with the cure.
     */
    private static void warnOfThreadPerAnswer() {
        if (ForkJoinPool.getCommonPoolParallelism() < 2 && PARALLELISM_CHECKED.compareAndSet(false, true)) {
            LOG.warn("The common ForkJoinPool has {} thread(s), so the JDK HttpClient starts a thread for every"
                     + " answer (exchanges do not wait for it, but it costs CPU); run with"
                     + " -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (or more) for full throughput",
                    ForkJoinPool.getCommonPoolParallelism());
        }
    }

    private ExecutorService newWorkerPool() {
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        String profile = configuration.getWorkerPoolProfile();
        if (profile == null || profile.isBlank()) {
            return manager.newDefaultThreadPool(this, WORKER_POOL_NAME);
        }
        if (manager.getThreadPoolProfile(profile) == null) {
            throw new IllegalArgumentException("The workerPoolProfile option of "
                                               + URISupport.sanitizeUri(getEndpointUri()) + " names the thread pool"
                                               + " profile '" + profile + "', which the Camel context does not have");
        }
        return manager.newThreadPool(this, WORKER_POOL_NAME, profile);
    }

    @Override
    protected void doStop() throws Exception {
        if (runAwaiter != null) {
            runAwaiter.close();
            runAwaiter = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        if (workerPool != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workerPool);
            workerPool = null;
        }
        if (scheduler != null) {
            // The closed client has already failed the requests these tasks were waiting for.
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        super.doStop();
    }

    @Override
    public SixtyfourComponent getComponent() {
        return (SixtyfourComponent) super.getComponent();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUri();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public SixtyfourKind getKind() {
        return kind;
    }

    public SixtyfourConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SixtyfourConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The API client; available while the endpoint is started. */
    public SixtyfourClient getClient() {
        return client;
    }

    /** The source blocks of the workflows this endpoint has validated rows against. */
    public InputSchemaCache getInputSchemas() {
        return inputSchemas;
    }

    public SixtyfourRunsConfiguration getRunsConfiguration() {
        return runsConfiguration;
    }

    public void setRunsConfiguration(SixtyfourRunsConfiguration runsConfiguration) {
        this.runsConfiguration = runsConfiguration;
    }

    public SixtyfourResultsConfiguration getResultsConfiguration() {
        return resultsConfiguration;
    }

    public void setResultsConfiguration(SixtyfourResultsConfiguration resultsConfiguration) {
        this.resultsConfiguration = resultsConfiguration;
    }

    public SixtyfourAwaitConfiguration getAwaitConfiguration() {
        return awaitConfiguration;
    }

    public void setAwaitConfiguration(SixtyfourAwaitConfiguration awaitConfiguration) {
        this.awaitConfiguration = awaitConfiguration;
    }

    public SixtyfourWebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    public void setWebhookConfiguration(SixtyfourWebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    /** Reads finished runs into message bodies; available while the endpoint is started. */
    public ResultsFetcher getResultsFetcher() {
        return resultsFetcher;
    }

    /** Polls runs until they finish without holding a thread; available while the endpoint is started. */
    public RunAwaiter getRunAwaiter() {
        return runAwaiter;
    }

    /** The threads on which answers are read and exchanges continue; available while the endpoint is started. */
    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    /**
     * The scheduler for waits (retries, polls) that must not hold a thread. When the endpoint stops, tasks still
     * waiting are dropped: whoever scheduled one must complete the exchange it belongs to some other way (the
     * client fails all its own pending calls when it is closed).
     */
    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }
}

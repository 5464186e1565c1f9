package dev.camelsixtyfour.component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelsixtyfour.component.client.ClientSettings;
import dev.camelsixtyfour.component.client.HttpSixtyfourClient;
import dev.camelsixtyfour.component.client.SixtyfourClient;
import dev.camelsixtyfour.component.operation.InputSchemaCache;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start and follow runs of Sixtyfour enrichment workflows.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sixtyfour", title = "Sixtyfour", syntax = "sixtyfour:kind",
             category = { Category.API, Category.SAAS }, headersClass = SixtyfourConstants.class)
public class SixtyfourEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourEndpoint.class);
    private static final AtomicBoolean PARALLELISM_CHECKED = new AtomicBoolean();

    @UriPath(enums = "workflow,runs,webhook",
             description = "What the endpoint addresses: workflow (one workflow, by the id option), runs (the"
                           + " organisation's runs) or webhook (deliveries pushed by the service).")
    @Metadata(required = true)
    private final SixtyfourKind kind;

    @UriParam
    private SixtyfourConfiguration configuration;

    private final InputSchemaCache inputSchemas = new InputSchemaCache();
    private ScheduledExecutorService scheduler;
    private ExecutorService httpExecutor;
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
        // Known limitation: the runs and webhook consumers arrive with the follow-up operations (issue 4).
        throw new IllegalArgumentException("The sixtyfour:" + kind + " endpoint has no consumer yet");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "SixtyfourScheduler");
        httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "SixtyfourHttp");
        client = new HttpSixtyfourClient(ClientSettings.from(configuration), httpExecutor, scheduler,
                getComponent().getRateLimiter());
        LOG.info("Started sixtyfour:{} endpoint against {}", kind, configuration.getBaseUri());
        warnOfThreadPerAnswer();
    }

    /**
     * HttpClient.sendAsync hands every answer to CompletableFuture's default executor, which starts a new thread per
     * task when the common pool has fewer than 2 threads (machines with 1 or 2 CPUs): say so once, with the cure.
     */
    private static void warnOfThreadPerAnswer() {
        if (ForkJoinPool.getCommonPoolParallelism() < 2 && PARALLELISM_CHECKED.compareAndSet(false, true)) {
            LOG.warn("The common ForkJoinPool has {} thread(s), so the JDK HttpClient starts a new thread for every"
                     + " answer; run with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (or more) for"
                     + " full throughput", ForkJoinPool.getCommonPoolParallelism());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(httpExecutor);
            httpExecutor = null;
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

    /**
     * The scheduler for waits (retries, polls) that must not hold a thread. When the endpoint stops, tasks still
     * waiting are dropped: whoever scheduled one must complete the exchange it belongs to some other way (the
     * client fails all its own pending calls when it is closed).
     */
    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }
}

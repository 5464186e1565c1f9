package dev.camelsixtyfour.component.consumer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourWebhookConfiguration;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.results.FetchedResults;
import dev.camelsixtyfour.component.results.RowReaders;
import dev.camelsixtyfour.component.webhook.WebhookDelivery;
import dev.camelsixtyfour.component.webhook.WebhookRejectedException;
import dev.camelsixtyfour.component.webhook.WebhookRejection;
import dev.camelsixtyfour.component.webhook.WebhookSignatureVerifier;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives outgoing-webhook and async-job deliveries on a platform-http path. Each delivery is checked (size,
 * signature over the exact bytes received, body fields), deduplicated by its Sixtyfour-Event-Id, and answered at
 * once: 202 when accepted, 200 for a repeat (so the sender stops retrying), 4xx with the reason when refused, 503
 * when the queue is full. Accepted deliveries reach the route on the consumer's own threads.
 */
public class SixtyfourWebhookConsumer extends DefaultConsumer {

    public static final String EVENT_ID_HEADER = "Sixtyfour-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Sixtyfour-Event-Type";
    public static final String DELIVERY_ATTEMPT_HEADER = "Sixtyfour-Delivery-Attempt";

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourWebhookConsumer.class);
    private static final int DEFAULT_REPOSITORY_SIZE = 1000;

    private final ObjectMapper mapper;
    private WebhookSignatureVerifier verifier;
    private IdempotentRepository repository;
    private ExecutorService workers;
    private Consumer httpConsumer;

    public SixtyfourWebhookConsumer(SixtyfourEndpoint endpoint, Processor processor, ObjectMapper mapper) {
        super(endpoint, processor);
        this.mapper = mapper;
    }

    @Override
    public SixtyfourEndpoint getEndpoint() {
        return (SixtyfourEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SixtyfourWebhookConfiguration options = getEndpoint().getWebhookConfiguration();
        verifier = options.getSigningSecret() == null ? null
                : new WebhookSignatureVerifier(options.getSigningSecret(),
                        Duration.ofMillis(options.getSignatureTolerance()), Clock.systemUTC());
        repository = getEndpoint().getRunsConfiguration().getIdempotentRepository();
        if (repository == null) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        ServiceHelper.startService(repository);
        workers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "SixtyfourWebhook", workerProfile(options));

        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + options.getPath() + "?httpMethodRestrict=POST");
        httpConsumer = http.createConsumer(this::receive);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving Sixtyfour deliveries on {} ({})", options.getPath(),
                verifier == null ? "unsigned accepted" : "signatures checked");
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(httpConsumer);
        httpConsumer = null;
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (getEndpoint().getRunsConfiguration().getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    private ThreadPoolProfile workerProfile(SixtyfourWebhookConfiguration options) {
        ThreadPoolProfile profile = new ThreadPoolProfile("SixtyfourWebhook");
        profile.setPoolSize(options.getWebhookConcurrency());
        profile.setMaxPoolSize(options.getWebhookConcurrency());
        profile.setMaxQueueSize(options.getWebhookQueueSize());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /**
     * Answers one HTTP delivery; runs on the platform-http thread, so it only checks and queues.
     */
    private void receive(Exchange http) {
        Message request = http.getMessage();
        try {
            byte[] body = boundedBody(request);
            verifySignature(request, body);
            WebhookDelivery delivery = WebhookDelivery.parse(body, mapper);
            String eventId = eventId(request, delivery);

            if (!repository.add(eventId)) {
                LOG.debug("Delivery {} of event {} is a repeat; acknowledged without processing",
                        request.getHeader(DELIVERY_ATTEMPT_HEADER), eventId);
                respond(http, 200, "event " + eventId + " was already received");
                return;
            }
            queue(http, delivery, eventId, request);
        } catch (WebhookRejectedException e) {
            LOG.warn("Refused a delivery on {}: {}", getEndpoint().getWebhookConfiguration().getPath(),
                    e.getMessage());
            respond(http, e.getHttpStatus(), e.getMessage());
        }
    }

    // Known limitation: the sender gets its 2xx before the route runs, so a route that fails is not redelivered by
    // the sender; the event id is forgotten so a redelivery that does arrive is processed, and the failure goes to
    // the consumer's exception handler; a route that must not lose deliveries uses a dead letter channel.
    private void queue(Exchange http, WebhookDelivery delivery, String eventId, Message request) {
        String eventType = request.getHeader(EVENT_TYPE_HEADER, delivery.eventType(), String.class);
        Integer attempt = request.getHeader(DELIVERY_ATTEMPT_HEADER, Integer.class);
        try {
            workers.execute(() -> dispatch(delivery, eventId, eventType, attempt));
        } catch (RejectedExecutionException e) {
            repository.remove(eventId);
            LOG.warn("Delivery queue is full; event {} answered 503 for a later retry", eventId);
            respond(http, 503, "too many deliveries waiting; retry later");
            return;
        }
        respond(http, 202, "event " + eventId + " accepted");
    }

    // Known limitation: platform-http has read the whole body before this check runs, so maxBodySize bounds what is
    // processed, not what is buffered; the runtime's own limit (quarkus.http.limits.max-body-size, or the Vert.x
    // server's maxBodySize) bounds the memory.
    private byte[] boundedBody(Message request) throws WebhookRejectedException {
        long limit = getEndpoint().getWebhookConfiguration().getMaxBodySize();
        Long declared = request.getHeader("Content-Length", Long.class);
        if (declared != null && declared > limit) {
            throw new WebhookRejectedException(WebhookRejection.BODY_TOO_LARGE,
                    "Content-Length " + declared + " exceeds " + limit + " bytes");
        }
        byte[] body = request.getBody(byte[].class);
        if (body == null) {
            return new byte[0];
        }
        if (body.length > limit) {
            throw new WebhookRejectedException(WebhookRejection.BODY_TOO_LARGE,
                    body.length + " bytes exceed " + limit + " bytes");
        }
        return body;
    }

    private void verifySignature(Message request, byte[] body) throws WebhookRejectedException {
        String signature = request.getHeader(WebhookSignatureVerifier.SIGNATURE_HEADER, String.class);
        boolean unsigned = signature == null || signature.isBlank();
        if (unsigned && getEndpoint().getWebhookConfiguration().isAllowUnsigned()) {
            return;
        }
        if (verifier == null) {
            // Reached only with allowUnsigned=true and no secret: a signature cannot be checked, so it is ignored.
            return;
        }
        verifier.verify(signature, body);
    }

    private static String eventId(Message request, WebhookDelivery delivery) throws WebhookRejectedException {
        String eventId = request.getHeader(EVENT_ID_HEADER, delivery.eventId(), String.class);
        if (eventId == null || eventId.isBlank()) {
            throw new WebhookRejectedException(WebhookRejection.INCOMPLETE_BODY,
                    "neither a " + EVENT_ID_HEADER + " header nor an event_id field");
        }
        return eventId.trim();
    }

    private static void respond(Exchange http, int status, String text) {
        Message response = http.getMessage();
        // Request headers would otherwise be echoed into the response by platform-http.
        response.removeHeaders("*");
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        response.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.setBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs the route for one accepted delivery on a worker thread. A failure forgets the event id, so that a later
     * redelivery of it is processed, and goes to the consumer's exception handler.
     */
    private void dispatch(WebhookDelivery delivery, String eventId, String eventType, Integer attempt) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setHeader(SixtyfourConstants.EVENT_ID, eventId);
            message.setHeader(SixtyfourConstants.EVENT_TYPE, eventType);
            message.setHeader(SixtyfourConstants.DELIVERY_ATTEMPT, attempt);
            message.setHeader(SixtyfourConstants.JOB_ID, delivery.jobId());
            fillBody(exchange, delivery);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }

        if (exchange.getException() != null) {
            repository.remove(eventId);
            getExceptionHandler().handleException("Failed to process Sixtyfour event " + eventId, exchange,
                    exchange.getException());
        } else {
            repository.confirm(eventId);
        }
        releaseExchange(exchange, false);
    }

    private void fillBody(Exchange exchange, WebhookDelivery delivery) throws Exception {
        Message message = exchange.getMessage();
        if (delivery.kind() == WebhookDelivery.Kind.ASYNC_JOB) {
            message.setHeader(SixtyfourConstants.TASK_STATUS, delivery.status());
            message.setHeader(SixtyfourConstants.ERROR_MESSAGE, delivery.error());
            message.setBody(delivery.result());
            return;
        }
        message.setHeader(SixtyfourConstants.WORKFLOW_ID, delivery.workflowId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, RunStatus.fromValue(delivery.status()));
        message.setHeader(SixtyfourConstants.RESULT_ROW_COUNT, delivery.rowCount());
        if (delivery.rows() != null) {
            boolean stream = getEndpoint().getResultsConfiguration().isStreamResults();
            message.setBody(stream ? RowReaders.of(delivery.rows()) : delivery.rows());
            return;
        }
        URI url = URI.create(delivery.downloadUrl());
        ResultFormat format = formatOf(url);
        message.setHeader(SixtyfourConstants.RESULT_FORMAT, format);
        FetchedResults results = download(delivery, url, format);
        results.applyTo(exchange);
        message.setHeader(SixtyfourConstants.RESULT_FILE_NAME, results.fileName());
    }

    private FetchedResults download(WebhookDelivery delivery, URI url, ResultFormat format) throws Exception {
        try {
            return getEndpoint().getResultsFetcher().fetchUrl(delivery.jobId(), url, format, delivery.rowCount())
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw SixtyfourException.builder("Cannot download the results of run " + delivery.jobId())
                    .cause(e.getCause()).build();
        }
    }

    /**
     * The download URL's file extension says its format; a URL without one is read in the resultFormat option.
     */
    private ResultFormat formatOf(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        for (ResultFormat format : List.of(ResultFormat.ndjson, ResultFormat.json, ResultFormat.csv)) {
            if (path.endsWith("." + format.value())) {
                return format;
            }
        }
        return getEndpoint().getResultsConfiguration().getResultFormat();
    }
}

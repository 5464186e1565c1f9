package dev.camelsixtyfour.app.trigger;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.results.BatchOutcome;
import dev.camelsixtyfour.app.results.DeadLetters;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourException;

/**
 * The trigger stage's steps: the batch id becomes the run's Idempotency-Key (so a batch retried after a crash or a
 * 5xx finds its first run instead of starting another), and a batch the service refuses is parked with its reason.
 */
public final class BatchTrigger {

    /** The batch's rows (NDJSON), kept while the body holds the service's answers. */
    public static final String ROWS = "SixtyfourAppBatchRows";

    private static final Logger LOG = LoggerFactory.getLogger(BatchTrigger.class);

    private final Pipeline pipeline;
    private final PipelineMetrics metrics;
    private final DeadLetters deadLetters;

    public BatchTrigger(Pipeline pipeline, PipelineMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.deadLetters = new DeadLetters(pipeline.paths());
    }

    public void prepare(Exchange exchange) {
        Message batch = exchange.getMessage();
        String batchId = batch.getHeader(BatchHeaders.BATCH_ID, String.class);
        exchange.setProperty(ROWS, batch.getBody(String.class));
        batch.setHeader(SixtyfourConstants.IDEMPOTENCY_KEY, batchId);
        if (batch.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0) {
            LOG.info("Pipeline {}: retrying batch {} ({} rows)", pipeline.name(), batchId,
                    batch.getHeader(BatchHeaders.ROW_COUNT));
        }
    }

    public void started(Exchange exchange) {
        Message batch = exchange.getMessage();
        String jobId = batch.getHeader(SixtyfourConstants.JOB_ID, String.class);
        batch.setHeader(BatchHeaders.JOB_ID, jobId);
        boolean again = Boolean.TRUE.equals(batch.getHeader(SixtyfourConstants.ALREADY_STARTED, Boolean.class));
        LOG.info("Pipeline {}: batch {} ({} rows) -> job {}{}", pipeline.name(),
                batch.getHeader(BatchHeaders.BATCH_ID), batch.getHeader(BatchHeaders.ROW_COUNT), jobId,
                again ? " (already started before; following it)" : "");
        if (!again) {
            metrics.batchTriggered(pipeline.name());
        }
    }

    /** True for an answer that repeating the same batch cannot change: park it rather than retry it. */
    public static boolean refused(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof RunEndedException) {
            return true;
        }
        return failure instanceof SixtyfourException sixtyfour && !sixtyfour.isRetryable()
                && sixtyfour.getStatusCode() != 401;
    }

    public void park(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message batch = exchange.getMessage();
        BatchOutcome outcome = BatchOutcome.of(batch, pipeline.config().workflowId());
        String rows = exchange.getProperty(ROWS, String.class);
        if (failure instanceof RunEndedException) {
            metrics.runFailed(pipeline.name());
        }
        int status = failure instanceof SixtyfourException sixtyfour ? sixtyfour.getStatusCode() : 0;
        deadLetters.park(outcome, rows, status, failure.getMessage());
        metrics.batchParked(pipeline.name());
        LOG.warn("Pipeline {}: batch {} parked in {}: {}", pipeline.name(), outcome.batchId(),
                pipeline.paths().deadLetter(), failure.getMessage());
    }
}

package dev.camelsixtyfour.app.arrival;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.config.RunArrival;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.trigger.BatchTrigger;

/**
 * A webhook pipeline's steps around its runs: the trigger stage remembers the run instead of awaiting it; the
 * delivery (or the overdue poll) turns the remembered run back into the batch the results stage expects, and marks
 * it done or gives it back.
 */
public final class WebhookArrival {

    /** Set on a batch the overdue poll re-triggers: its results are awaited, not expected by webhook. */
    public static final String POLL_NOW = "SixtyfourAppPollNow";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookArrival.class);

    private final Pipeline pipeline;
    private final AwaitedRuns runs;

    public WebhookArrival(Pipeline pipeline, AwaitedRuns runs) {
        this.pipeline = pipeline;
        this.runs = runs;
    }

    /** The trigger stage's branch: true when the workflow's webhook, not a poll, brings this run's results. */
    public boolean expectsWebhook(Exchange exchange) {
        return pipeline.config().run().arrival() == RunArrival.WEBHOOK
                && !exchange.getProperty(POLL_NOW, false, Boolean.class);
    }

    /** Records the triggered run durably; the trigger stage then returns without waiting. */
    public void remember(Exchange exchange) {
        Message batch = exchange.getMessage();
        AwaitedRun run = new AwaitedRun(batch.getHeader(BatchHeaders.JOB_ID, String.class), pipeline.name(),
                batch.getHeader(BatchHeaders.BATCH_ID, String.class),
                batch.getHeader(BatchHeaders.ROW_COUNT, 0, Integer.class),
                batch.getHeader(BatchHeaders.SOURCES, String.class),
                exchange.getProperty(BatchTrigger.ROWS, String.class));
        boolean first = runs.remember(run, dueAt());
        LOG.info("Pipeline {}: batch {} / job {}: {}", pipeline.name(), run.batchId(), run.jobId(),
                first ? "awaiting its webhook delivery" : "already awaiting its webhook delivery");
    }

    /** The runs of this pipeline whose webhook is overdue, taken for polling. */
    public List<AwaitedRun> overdue() {
        return runs.claimOverdue(pipeline.name(), System.currentTimeMillis());
    }

    /** An overdue run as its batch again, to be triggered (the same Idempotency-Key finds the same run) and awaited. */
    public void asBatch(Exchange exchange) {
        AwaitedRun run = exchange.getMessage().getBody(AwaitedRun.class);
        LOG.warn("Pipeline {}: no webhook delivery for job {} (batch {}) within {}; polling the run", pipeline.name(),
                run.jobId(), run.batchId(), pipeline.config().run().timeout());
        toBatch(exchange.getMessage(), run);
        exchange.getMessage().setBody(run.rows());
        exchange.setProperty(POLL_NOW, true);
    }

    /** The batch's headers and rows beside a delivery's results, as the results stage would have them. */
    static void toBatch(Message message, AwaitedRun run) {
        message.setHeader(BatchHeaders.BATCH_ID, run.batchId());
        message.setHeader(BatchHeaders.JOB_ID, run.jobId());
        message.setHeader(BatchHeaders.ROW_COUNT, run.rowCount());
        message.setHeader(BatchHeaders.SOURCES, run.sources());
        message.getExchange().setProperty(BatchTrigger.ROWS, run.rows());
    }

    public void done(Exchange exchange) {
        runs.finished(exchange.getMessage().getHeader(BatchHeaders.JOB_ID, String.class));
    }

    /** Gives a run whose results could not be finished back, to be polled once its timeout passes again. */
    public void giveBack(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(BatchHeaders.JOB_ID, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        runs.release(jobId, dueAt());
        LOG.warn("Pipeline {}: results of job {} not finished ({}); polled again after {}", pipeline.name(), jobId,
                failure == null ? "unknown" : failure.getMessage(), pipeline.config().run().timeout());
    }

    private long dueAt() {
        return System.currentTimeMillis() + pipeline.config().run().timeout().toMillis();
    }
}

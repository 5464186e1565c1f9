package dev.camelsixtyfour.app.trigger;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.results.BatchOutcome;
import dev.camelsixtyfour.app.results.Outbox;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.RunStatus;

/**
 * The results stage's steps: poll the run's status until it ends (or the pipeline's run timeout passes, when the
 * batch is retried later and finds the same run), then write its enriched rows to the outbox.
 */
public final class RunFollower {

    private static final Logger LOG = LoggerFactory.getLogger(RunFollower.class);
    private static final String DEADLINE = "SixtyfourAppRunDeadline";

    private final Pipeline pipeline;
    private final PipelineMetrics metrics;
    private final Outbox outbox;

    public RunFollower(Pipeline pipeline, PipelineMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.outbox = new Outbox(pipeline.paths(), pipeline.config().output().formats());
    }

    public void startWaiting(Exchange exchange) {
        exchange.setProperty(DEADLINE, System.currentTimeMillis() + pipeline.config().run().timeout().toMillis());
        exchange.getMessage().removeHeader(SixtyfourConstants.RUN_STATUS);
    }

    /** The loop's condition: the run has not ended and there is time left to wait for it. */
    public static boolean stillRunning(Exchange exchange) {
        RunStatus status = exchange.getMessage().getHeader(SixtyfourConstants.RUN_STATUS, RunStatus.class);
        boolean timeLeft = System.currentTimeMillis() < exchange.getProperty(DEADLINE, Long.class);
        return (status == null || !status.isTerminal()) && timeLeft;
    }

    /** A run that ended failed or cancelled: the status operation then also reads the service's reason for it. */
    public static boolean endedUnsuccessfully(Exchange exchange) {
        RunStatus status = exchange.getMessage().getHeader(SixtyfourConstants.RUN_STATUS, RunStatus.class);
        return status != null && status.isTerminal() && status != RunStatus.completed;
    }

    /** Fails the exchange unless the run completed: a failed run is parked, an unfinished one retried later. */
    public void requireCompleted(Exchange exchange) {
        Message batch = exchange.getMessage();
        RunStatus status = batch.getHeader(SixtyfourConstants.RUN_STATUS, RunStatus.class);
        String jobId = batch.getHeader(BatchHeaders.JOB_ID, String.class);
        if (status == RunStatus.completed) {
            return;
        }
        if (status != null && status.isTerminal()) {
            throw new RunEndedException(jobId, status, batch.getHeader(SixtyfourConstants.STATUS_REASON, String.class),
                    batch.getHeader(SixtyfourConstants.ERROR_MESSAGE, String.class));
        }
        throw new IllegalStateException("Run " + jobId + " of batch " + batch.getHeader(BatchHeaders.BATCH_ID)
                + " has not finished within " + pipeline.config().run().timeout() + "; the batch will be retried");
    }

    public void writeResults(Exchange exchange) throws InvalidPayloadException {
        Message batch = exchange.getMessage();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = batch.getMandatoryBody(List.class);
        BatchOutcome outcome = BatchOutcome.of(batch, pipeline.config().workflowId());
        outbox.write(outcome, rows);
        metrics.runCompleted(pipeline.name(), rows.size());
        LOG.info("Pipeline {}: batch {} / job {}: {} enriched rows written to {}", pipeline.name(),
                outcome.batchId(), outcome.jobId(), rows.size(), pipeline.paths().results());
    }
}

package dev.camelsixtyfour.app.results.sink;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.ops.Failures;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.results.BatchOutcome;
import dev.camelsixtyfour.app.results.Outbox;
import dev.camelsixtyfour.app.results.Undelivered;

/**
 * The deliver stage's steps: the batch's rows (already in the outbox) become a {@link Delivery}, go to the sink,
 * and, once the retries are spent, are parked in {@code undelivered/}; a file an operator moved into
 * {@code undelivered/replay/} becomes a delivery again.
 */
public final class SinkDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);

    private final Pipeline pipeline;
    private final ResultSink sink;
    private final Undelivered undelivered;

    public SinkDelivery(Pipeline pipeline, ResultSink sink) {
        this.pipeline = pipeline;
        this.sink = sink;
        this.undelivered = new Undelivered(pipeline.paths());
    }

    /**
     * The results stage's body (the enriched rows) and headers (the batch's ids) as one delivery; a replayed
     * delivery already is one.
     */
    public void fromResults(Exchange exchange) throws InvalidPayloadException {
        Message batch = exchange.getMessage();
        if (batch.getBody() instanceof Delivery) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = batch.getMandatoryBody(List.class);
        BatchOutcome outcome = BatchOutcome.of(batch, pipeline.config().workflowId());
        batch.setBody(new Delivery(outcome, Outbox.ndjson(rows), rows.size()));
    }

    /** A parked results file, named {@code <batch id>.ndjson}, with the ids from its reason file. */
    public void fromReplay(Exchange exchange) {
        Message file = exchange.getMessage();
        String batchId = file.getHeader(Exchange.FILE_NAME_ONLY, String.class).replaceFirst("\\.ndjson$", "");
        String rows = file.getBody(String.class);
        BatchOutcome outcome = undelivered.parkedOutcome(batchId);
        int count = (int) rows.lines().filter(line -> !line.isBlank()).count();
        file.setBody(new Delivery(outcome, rows, count));
        LOG.info("Pipeline {}: redelivering parked results of batch {} ({} rows) to {}", pipeline.name(), batchId,
                count, sink.describe());
    }

    public void deliver(Exchange exchange) throws Exception {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        sink.deliver(delivery);
        LOG.info("Pipeline {}: batch {} / job {}: {} rows delivered to {}", pipeline.name(),
                delivery.outcome().batchId(), delivery.outcome().jobId(), delivery.rows(), sink.describe());
    }

    /** Runs once every retry failed: the results wait in undelivered/ with the last error. */
    public void park(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Delivery delivery = exchange.getMessage().getBody(Delivery.class);
        if (delivery == null) {
            // The rows never became a delivery (an unreadable replay file, no rows): nothing to park, so it fails.
            throw new IllegalStateException("Pipeline " + pipeline.name() + ": batch "
                    + exchange.getMessage().getHeader(BatchHeaders.BATCH_ID) + " has no results to deliver", failure);
        }
        String reason = Failures.describe(failure);
        undelivered.park(delivery.outcome(), delivery.ndjson(), delivery.rows(), sink.describe(), reason);
        LOG.warn("Pipeline {}: results of batch {} not delivered to {} after {} attempts; parked in {}: {}",
                pipeline.name(), delivery.outcome().batchId(), sink.describe(),
                pipeline.config().output().sink().retry().attempts(), pipeline.paths().undelivered(), reason);
    }
}

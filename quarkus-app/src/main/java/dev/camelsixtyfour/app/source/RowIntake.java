package dev.camelsixtyfour.app.source;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.format.SourceRow;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * One row of a file: mapped, validated, then either written to the rejected-rows file or handed to the batch
 * stage. The hand-over and the file's progress commit in one transaction with the aggregation repository, so after
 * a crash the file resumes at the first row that no batch holds: no row is lost and none is sent twice.
 */
public final class RowIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RowIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pipeline pipeline;
    private final BatchStore store;
    private final PipelineMetrics metrics;
    private final RejectedRows rejectedRows;
    private final ProducerTemplate producer;

    public RowIntake(Pipeline pipeline, BatchStore store, PipelineMetrics metrics, ProducerTemplate producer) {
        this.pipeline = pipeline;
        this.store = store;
        this.metrics = metrics;
        this.rejectedRows = new RejectedRows(pipeline.paths().rejected());
        this.producer = producer;
    }

    public void process(Exchange exchange) {
        FileTally tally = exchange.getProperty(FileIntake.TALLY, FileTally.class);
        SourceRow row = exchange.getMessage().getBody(SourceRow.class);
        if (row.failure() != null) {
            throw row.failure();
        }
        long position = tally.countRead();
        metrics.rowsRead(pipeline.name(), 1);
        if (tally.alreadyHanded(position)) {
            tally.countSkipped();
            return;
        }
        if (!row.readable()) {
            reject(tally, row, position, row.values(), row.problem());
            return;
        }
        Map<String, Object> mapped = pipeline.mapper().map(row.values());
        Optional<String> problem = pipeline.validator().problem(mapped);
        if (problem.isPresent()) {
            reject(tally, row, position, mapped, problem.get());
            return;
        }
        handOn(tally, row, position, toJson(mapped, row));
    }

    private void handOn(FileTally tally, SourceRow row, long position, String json) {
        store.inTransaction(() -> {
            Exchange sent = producer.send(pipeline.endpoint("batch"), batchRow -> {
                batchRow.getMessage().setBody(json);
                batchRow.getMessage().setHeader(BatchHeaders.SOURCE_FILE, row.fileName());
                batchRow.getMessage().setHeader(BatchHeaders.SOURCE_LINE, row.line());
            });
            if (sent.getException() != null) {
                throw new IllegalStateException("Row " + row.line() + " of " + row.fileName()
                        + " could not join a batch: " + sent.getException().getMessage(), sent.getException());
            }
            store.recordHanded(pipeline.name(), tally.fileKey(), position);
            return null;
        });
        tally.countBatched();
    }

    private void reject(FileTally tally, SourceRow row, long position, Map<String, Object> values, String reason) {
        LOG.debug("Pipeline {}: {} line {} rejected: {}", pipeline.name(), row.fileName(), row.line(), reason);
        rejectedRows.write(row.fileName(), row.line(), reason, values);
        store.recordHanded(pipeline.name(), tally.fileKey(), position);
        tally.countRejected();
        metrics.rowRejected(pipeline.name());
    }

    private static String toJson(Map<String, Object> mapped, SourceRow row) {
        try {
            return JSON.writeValueAsString(mapped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Row " + row.line() + " of " + row.fileName()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}

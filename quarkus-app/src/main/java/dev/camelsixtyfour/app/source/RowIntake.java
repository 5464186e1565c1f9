package dev.camelsixtyfour.app.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.batch.BatchAggregationStrategy;
import dev.camelsixtyfour.app.batch.BatchHandOver;
import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.format.SourceRow;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * Consecutive rows of a file: each mapped and validated, then either written to the rejected-rows file or handed to
 * the batch stage. Accepted rows go on in chunks ({@link BatchHandOver}); each chunk and the file's progress commit
 * in one transaction with the aggregation repository, so after a crash the file resumes at the first row that no
 * batch holds: no row is lost and none is sent twice. A rejected row is recorded only after the accepted rows
 * before it are stored, so progress never runs ahead of what a batch holds.
 */
public final class RowIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RowIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pipeline pipeline;
    private final BatchStore store;
    private final PipelineMetrics metrics;
    private final RejectedRows rejectedRows;
    private final BatchHandOver handOver;

    /** A row written to the rejected-rows file with the values it had (mapped once readable), and why. */
    public record Rejection(SourceRow row, Map<String, Object> values, String reason) {
    }

    public RowIntake(Pipeline pipeline, BatchStore store, PipelineMetrics metrics, ProducerTemplate producer) {
        this.pipeline = pipeline;
        this.store = store;
        this.metrics = metrics;
        this.rejectedRows = new RejectedRows(pipeline.paths().rejected());
        this.handOver = new BatchHandOver(pipeline.name(), pipeline.endpoint("batch"),
                new BatchAggregationStrategy(pipeline.name(), pipeline.config().batch().maxRows(),
                        pipeline.config().batch().maxBytes()), store, producer);
    }

    /** The split's step: a chunk of the file's rows ({@link RowChunks}) with the file's tally. */
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        take(exchange.getProperty(FileIntake.TALLY, FileTally.class), exchange.getMessage().getBody(List.class));
    }

    /**
     * Takes consecutive rows of the tally's source; returns once each is stored in a batch or rejected, with the
     * rejections. A row that carries a failure fails the source after the rows before it are stored.
     */
    public List<Rejection> take(FileTally tally, List<SourceRow> rows) {
        List<BatchHandOver.Row> accepted = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (SourceRow row : rows) {
            if (row.failure() != null) {
                handOn(tally, accepted);
                throw row.failure();
            }
            long position = tally.countRead();
            metrics.rowsRead(pipeline.name(), 1);
            if (tally.alreadyHanded(position)) {
                tally.countSkipped();
                tally.countHanded(row.line());
                continue;
            }
            Optional<Rejection> rejection = accept(row, position, accepted);
            if (rejection.isPresent()) {
                handOn(tally, accepted);
                reject(tally, rejection.get(), position);
                rejections.add(rejection.get());
            }
        }
        handOn(tally, accepted);
        return rejections;
    }

    /** Maps and validates the row: adds it to {@code accepted}, or says why it is rejected. */
    private Optional<Rejection> accept(SourceRow row, long position, List<BatchHandOver.Row> accepted) {
        if (!row.readable()) {
            return Optional.of(new Rejection(row, row.values(), row.problem()));
        }
        Map<String, Object> mapped = pipeline.mapper().map(row.values());
        Optional<String> problem = pipeline.validator().problem(mapped);
        if (problem.isPresent()) {
            return Optional.of(new Rejection(row, mapped, problem.get()));
        }
        accepted.add(new BatchHandOver.Row(toJson(mapped, row), row.line(), position));
        return Optional.empty();
    }

    private void handOn(FileTally tally, List<BatchHandOver.Row> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        handOver.handOn(tally.fileName(), tally.fileKey(), accepted);
        tally.countBatched(accepted.size());
        accepted.forEach(row -> tally.countHanded(row.line()));
        accepted.clear();
    }

    private void reject(FileTally tally, Rejection rejection, long position) {
        SourceRow row = rejection.row();
        LOG.debug("Pipeline {}: {} line {} rejected: {}", pipeline.name(), row.fileName(), row.line(),
                rejection.reason());
        rejectedRows.write(row.fileName(), row.line(), rejection.reason(), rejection.values());
        store.recordHanded(pipeline.name(), tally.fileKey(), position);
        tally.countRejected();
        tally.countHanded(row.line());
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

package dev.camelsixtyfour.app.source;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;
import dev.camelsixtyfour.app.format.SourceRow;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * Records that arrive as one payload (an HTTP request body, a queue message) instead of a file. The payload is read
 * whole first, then its rows go through the same {@link RowIntake} as a file's rows: the same mapping, validation,
 * rejected-rows file and transactional hand-over to the batch stage, in chunks. Progress is kept under the
 * payload's key exactly as for a file, so a payload offered again under the same key (a redelivered message)
 * resumes after the last row a batch already holds. Progress counts rows by their position in the payload, not by
 * the line they start on: a JSON array on one line holds many rows on line 1. (The rejected-rows file therefore
 * names a payload row's position as its line; the sender's answer names both.)
 */
public final class PayloadIntake {

    private final Pipeline pipeline;
    private final BatchStore store;
    private final RowIntake rows;

    public PayloadIntake(Pipeline pipeline, BatchStore store, PipelineMetrics metrics, CamelContext camel) {
        this.pipeline = pipeline;
        this.store = store;
        this.rows = new RowIntake(pipeline, store, metrics, camel.createProducerTemplate());
    }

    /** A rejected row: its position in the payload (from 1), the line it starts on, and why. */
    public record RowError(long row, long line, String reason) {
    }

    /** What became of a payload's rows once every one is stored in a batch or recorded as rejected. */
    public record Receipt(String sourceName, long accepted, long rejected, long alreadyStored, List<RowError> errors) {
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Reads the payload and hands on its rows; returns once every good row is durably stored in the aggregation
     * repository and every bad one is recorded. A payload that cannot be read to its end hands on nothing and
     * throws {@link dev.camelsixtyfour.app.format.MalformedFileException}.
     */
    public Receipt take(byte[] payload, FormatConfig format, String sourceName, String sourceKey) {
        List<SourceRow> read = PayloadRows.read(payload, format, sourceName);
        pipeline.validator();
        return handOn(read, sourceName, sourceKey);
    }

    /** How many rows of the payload under {@code sourceKey} a batch holds or the rejected-rows file records. */
    public long storedRows(String sourceKey) {
        return store.handedUpTo(pipeline.name(), sourceKey);
    }

    /**
     * One payload at a time per pipeline, as the file source reads one file at a time: the aggregation repository
     * updates a batch optimistically, and two transactions adding to the same open batch would collide.
     */
    private synchronized Receipt handOn(List<SourceRow> read, String sourceName, String sourceKey) {
        // Known limitation: each payload leaves one progress row (its key and last stored row) in
        // s64_source_progress, as each file does; nothing prunes them yet.
        FileTally tally = new FileTally(sourceName, sourceKey, storedRows(sourceKey));
        List<SourceRow> byPosition = new ArrayList<>();
        for (SourceRow row : read) {
            byPosition.add(new SourceRow(sourceName, byPosition.size() + 1L, row.values(), row.problem(),
                    row.failure()));
        }
        List<RowError> errors = new ArrayList<>();
        for (RowIntake.Rejection rejection : rows.take(tally, byPosition)) {
            long position = rejection.row().line();
            errors.add(new RowError(position, read.get((int) position - 1).line(), rejection.reason()));
        }
        return new Receipt(sourceName, tally.batched(), tally.rejected(), tally.skipped(), List.copyOf(errors));
    }
}

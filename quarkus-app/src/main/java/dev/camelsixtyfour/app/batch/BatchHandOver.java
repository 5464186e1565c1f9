package dev.camelsixtyfour.app.batch;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * Hands consecutive accepted rows of one source to the batch stage in chunks: each chunk joins the open batch as one
 * exchange, in one transaction with the source's progress, so the repository rewrites the open batch and commits
 * once per chunk instead of once per row. A chunk holds only rows that fit in the open batch (or, when that batch
 * is full, in a new one): the batch a chunk closes was stored whole by earlier transactions, so a crash before the
 * chunk commits leaves that batch exactly as it was triggered, under the same id, and the resumed source hands the
 * same rows on again.
 */
public final class BatchHandOver {

    /** A mapped row as JSON, the line it starts on, and its position in its source (from 1). */
    public record Row(String json, long line, long position) {
    }

    private final String pipeline;
    private final String endpoint;
    private final BatchAggregationStrategy limits;
    private final BatchStore store;
    private final ProducerTemplate producer;

    public BatchHandOver(String pipeline, String endpoint, BatchAggregationStrategy limits, BatchStore store,
                         ProducerTemplate producer) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.limits = limits;
        this.store = store;
        this.producer = producer;
    }

    /**
     * Stores {@code rows} (in source order) in batches and records the source as handed on up to the last of them;
     * returns once every row is committed.
     */
    public void handOn(String sourceName, String sourceKey, List<Row> rows) {
        int next = 0;
        while (next < rows.size()) {
            int from = next;
            next = store.inTransaction(() -> {
                List<Row> chunk = rows.subList(from, from + rowsJoiningOpenBatch(rows, from));
                send(sourceName, chunk);
                store.recordHanded(pipeline, sourceKey, chunk.get(chunk.size() - 1).position());
                return from + chunk.size();
            });
        }
    }

    /** How many of the rows from {@code from} on fit in the open batch, or in a new one when none fits; at least 1. */
    private int rowsJoiningOpenBatch(List<Row> rows, int from) {
        Exchange open = store.openBatch(pipeline, producer.getCamelContext());
        if (open != null) {
            Message batch = open.getMessage();
            int fitting = rowsFitting(rows, from, batch.getHeader(BatchHeaders.ROW_COUNT, Integer.class),
                    batch.getHeader(BatchHeaders.BYTE_COUNT, Long.class));
            if (fitting > 0) {
                return fitting;
            }
        }
        return Math.max(1, rowsFitting(rows, from, 0, BatchAggregationStrategy.EMPTY_BATCH_BYTES));
    }

    private int rowsFitting(List<Row> rows, int from, int batchRows, long batchBytes) {
        int count = 0;
        long bytes = 0;
        for (int index = from; index < rows.size(); index++) {
            long rowBytes = BatchAggregationStrategy.payloadBytes(rows.get(index).json() + "\n");
            if (limits.overflows(batchRows, batchBytes, count + 1, bytes + rowBytes)) {
                break;
            }
            count++;
            bytes += rowBytes;
        }
        return count;
    }

    private void send(String sourceName, List<Row> chunk) {
        Row first = chunk.get(0);
        Row last = chunk.get(chunk.size() - 1);
        StringBuilder ndjson = new StringBuilder();
        chunk.forEach(row -> ndjson.append(row.json()).append('\n'));
        Exchange sent = producer.send(endpoint, rows -> {
            rows.getMessage().setBody(ndjson.toString());
            rows.getMessage().setHeader(BatchHeaders.ROW_COUNT, chunk.size());
            rows.getMessage().setHeader(BatchHeaders.SOURCE_FILE, sourceName);
            rows.getMessage().setHeader(BatchHeaders.SOURCE_LINE, first.line());
            rows.getMessage().setHeader(BatchHeaders.SOURCE_LAST_LINE, last.line());
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("Rows at lines " + first.line() + " to " + last.line() + " of "
                    + sourceName + " could not join a batch: " + sent.getException().getMessage(),
                    sent.getException());
        }
    }
}

package dev.camelsixtyfour.app.batch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Gathers rows into a batch. A batch's body is NDJSON (one mapped row per line), and its headers hold only strings
 * and numbers, so the JDBC aggregation repository stores it without Java serialisation of our own types. Both limits
 * are enforced before a row joins (Camel's pre-completion): a row that would make the batch one row too many, or
 * push its payload past the byte limit, closes the batch and starts the next one. (With pre-completion Camel does
 * not check completionSize, so the row limit lives here too; the idle timeout still applies.)
 */
public final class BatchAggregationStrategy implements AggregationStrategy {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final String pipeline;
    private final int maxRows;
    private final long maxBytes;

    public BatchAggregationStrategy(String pipeline, int maxRows, long maxBytes) {
        this.pipeline = pipeline;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange row) {
        Message in = row.getMessage();
        String json = in.getBody(String.class);
        String file = in.getHeader(BatchHeaders.SOURCE_FILE, String.class);
        long line = in.getHeader(BatchHeaders.SOURCE_LINE, Long.class);
        if (batch == null) {
            startBatch(in, json, file, line);
            return row;
        }
        appendRow(batch.getMessage(), json, file, line);
        return batch;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    @Override
    public boolean preComplete(Exchange batch, Exchange row) {
        if (batch == null) {
            return false;
        }
        int rows = batch.getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class);
        long size = batch.getMessage().getHeader(BatchHeaders.BYTE_COUNT, Long.class);
        return rows >= maxRows || size + payloadBytes(row.getMessage().getBody(String.class)) > maxBytes;
    }

    private void startBatch(Message in, String json, String file, long line) {
        in.setHeader(BatchHeaders.BATCH_ID, newBatchId());
        in.setHeader(BatchHeaders.ROW_COUNT, 1);
        in.setHeader(BatchHeaders.BYTE_COUNT, payloadBytes(json) + 2L);
        in.setHeader(BatchHeaders.SOURCES, SourceRanges.start(file, line));
        in.removeHeader(BatchHeaders.SOURCE_FILE);
        in.removeHeader(BatchHeaders.SOURCE_LINE);
        in.setBody(json + "\n");
    }

    private static void appendRow(Message batch, String json, String file, long line) {
        batch.setHeader(BatchHeaders.ROW_COUNT, batch.getHeader(BatchHeaders.ROW_COUNT, Integer.class) + 1);
        batch.setHeader(BatchHeaders.BYTE_COUNT,
                batch.getHeader(BatchHeaders.BYTE_COUNT, Long.class) + payloadBytes(json));
        batch.setHeader(BatchHeaders.SOURCES,
                SourceRanges.extend(batch.getHeader(BatchHeaders.SOURCES, String.class), file, line));
        batch.setBody(batch.getBody(String.class) + json + "\n");
    }

    /** A row's share of the JSON array sent as webhook_payload: its bytes plus the separating comma. */
    private static long payloadBytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length + 1L;
    }

    private String newBatchId() {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return pipeline + "-" + LocalDateTime.now().format(BATCH_TIME) + "-" + random;
    }
}

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
 * and numbers, so the JDBC aggregation repository stores it without Java serialisation of our own types. An
 * incoming exchange holds one row or several consecutive rows of one source (NDJSON, {@link BatchHeaders#ROW_COUNT}
 * of them), which join the same batch together. Both limits are enforced before rows join (Camel's
 * pre-completion): rows that would make the batch too many, or push its payload past the byte limit, close the batch
 * and start the next one. (With pre-completion Camel does not check completionSize, so the row limit lives here too;
 * the idle timeout still applies.) {@link BatchHandOver} sizes its chunks with {@link #overflows} so that a chunk
 * never closes a batch it only partly fills.
 */
public final class BatchAggregationStrategy implements AggregationStrategy {

    /** The payload bytes of a batch without rows: the brackets of its JSON array. */
    public static final long EMPTY_BATCH_BYTES = 2;

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
    public Exchange aggregate(Exchange batch, Exchange rows) {
        Message in = rows.getMessage();
        String ndjson = ndjson(in.getBody(String.class));
        int count = rowCount(in);
        String file = in.getHeader(BatchHeaders.SOURCE_FILE, String.class);
        long firstLine = in.getHeader(BatchHeaders.SOURCE_LINE, Long.class);
        long lastLine = in.getHeader(BatchHeaders.SOURCE_LAST_LINE, firstLine, Long.class);
        if (batch == null) {
            startBatch(in, ndjson, count, SourceRanges.extend(SourceRanges.start(file, firstLine), file, lastLine));
            return rows;
        }
        appendRows(batch.getMessage(), ndjson, count, file, firstLine, lastLine);
        return batch;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    @Override
    public boolean preComplete(Exchange batch, Exchange rows) {
        if (batch == null) {
            return false;
        }
        Message open = batch.getMessage();
        return overflows(open.getHeader(BatchHeaders.ROW_COUNT, Integer.class),
                open.getHeader(BatchHeaders.BYTE_COUNT, Long.class), rowCount(rows.getMessage()),
                payloadBytes(ndjson(rows.getMessage().getBody(String.class))));
    }

    /**
     * True when {@code moreRows} rows of {@code moreBytes} payload bytes (see {@link #payloadBytes}) cannot join a
     * batch of {@code rows} rows and {@code bytes} bytes without passing a limit.
     */
    public boolean overflows(int rows, long bytes, int moreRows, long moreBytes) {
        return rows + moreRows > maxRows || bytes + moreBytes > maxBytes;
    }

    /**
     * Rows' share of the JSON array sent as webhook_payload: their NDJSON bytes, a row's newline standing for its
     * separating comma.
     */
    public static long payloadBytes(String ndjson) {
        return ndjson.getBytes(StandardCharsets.UTF_8).length;
    }

    private void startBatch(Message in, String ndjson, int count, String sources) {
        in.setHeader(BatchHeaders.BATCH_ID, newBatchId());
        in.setHeader(BatchHeaders.ROW_COUNT, count);
        in.setHeader(BatchHeaders.BYTE_COUNT, payloadBytes(ndjson) + EMPTY_BATCH_BYTES);
        in.setHeader(BatchHeaders.SOURCES, sources);
        in.removeHeader(BatchHeaders.SOURCE_FILE);
        in.removeHeader(BatchHeaders.SOURCE_LINE);
        in.removeHeader(BatchHeaders.SOURCE_LAST_LINE);
        in.setBody(ndjson);
    }

    private static void appendRows(Message batch, String ndjson, int count, String file, long firstLine,
                                   long lastLine) {
        batch.setHeader(BatchHeaders.ROW_COUNT, batch.getHeader(BatchHeaders.ROW_COUNT, Integer.class) + count);
        batch.setHeader(BatchHeaders.BYTE_COUNT,
                batch.getHeader(BatchHeaders.BYTE_COUNT, Long.class) + payloadBytes(ndjson));
        String sources = SourceRanges.extend(batch.getHeader(BatchHeaders.SOURCES, String.class), file, firstLine);
        batch.setHeader(BatchHeaders.SOURCES, SourceRanges.extend(sources, file, lastLine));
        batch.setBody(batch.getBody(String.class) + ndjson);
    }

    /** A single row may come without its newline. */
    private static String ndjson(String rows) {
        return rows.endsWith("\n") ? rows : rows + "\n";
    }

    private static int rowCount(Message rows) {
        return rows.getHeader(BatchHeaders.ROW_COUNT, 1, Integer.class);
    }

    private String newBatchId() {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return pipeline + "-" + LocalDateTime.now().format(BATCH_TIME) + "-" + random;
    }
}

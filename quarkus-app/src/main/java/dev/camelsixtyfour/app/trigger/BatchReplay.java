package dev.camelsixtyfour.app.trigger;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.batch.SourceRanges;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * Turns a parked batch file an operator moved into {@code dead-letter/replay/} back into a batch. It gets a new
 * batch id (the parked id plus a replay suffix): the service may have started, and failed, a run under the old one.
 */
public final class BatchReplay {

    private static final Logger LOG = LoggerFactory.getLogger(BatchReplay.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'-replay-'yyyyMMdd'T'HHmmss");

    private final Pipeline pipeline;

    public BatchReplay(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public void asBatch(Exchange exchange) {
        Message in = exchange.getMessage();
        String fileName = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String rows = in.getBody(String.class);
        long count = rows.lines().filter(line -> !line.isBlank()).count();
        String batchId = fileName.replaceFirst("\\.ndjson$", "") + LocalDateTime.now().format(SUFFIX);
        in.setBody(rows);
        in.setHeader(BatchHeaders.BATCH_ID, batchId);
        in.setHeader(BatchHeaders.ROW_COUNT, (int) count);
        in.setHeader(BatchHeaders.SOURCES, SourceRanges.start("replay/" + fileName, 1).replaceFirst("\t1$",
                "\t" + count));
        LOG.info("Pipeline {}: replaying parked {} as batch {} ({} rows)", pipeline.name(), fileName, batchId, count);
    }
}

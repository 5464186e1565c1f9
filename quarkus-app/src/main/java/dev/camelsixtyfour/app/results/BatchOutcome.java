package dev.camelsixtyfour.app.results;

import org.apache.camel.Message;

import dev.camelsixtyfour.app.batch.BatchHeaders;

/** The identifiers of a batch at the end of its way: what it held, which run took it. */
public record BatchOutcome(String batchId, String jobId, String workflowId, int rowsIn, String sources) {

    public static BatchOutcome of(Message batch, String workflowId) {
        return new BatchOutcome(batch.getHeader(BatchHeaders.BATCH_ID, String.class),
                batch.getHeader(BatchHeaders.JOB_ID, String.class), workflowId,
                batch.getHeader(BatchHeaders.ROW_COUNT, Integer.class),
                batch.getHeader(BatchHeaders.SOURCES, String.class));
    }
}

package dev.camelsixtyfour.app.arrival;

/**
 * A triggered run whose results the workflow's outgoing_webhook will push: what the batch held, so that the
 * delivery (or, when it never comes, the poll after the run timeout) finishes the batch as the results stage would.
 *
 * @param jobId    the run's job id, the {@code run_id} of its delivery
 * @param pipeline the pipeline that triggered it
 * @param batchId  the batch (the run's Idempotency-Key)
 * @param rowCount rows sent
 * @param sources  source files and line ranges, as in the batch's header
 * @param rows     the rows sent (NDJSON), to park the batch if its run failed or to trigger it again
 */
public record AwaitedRun(String jobId, String pipeline, String batchId, int rowCount, String sources, String rows) {

    @Override
    public String toString() {
        return "AwaitedRun[job=" + jobId + ", pipeline=" + pipeline + ", batch=" + batchId + "]";
    }
}

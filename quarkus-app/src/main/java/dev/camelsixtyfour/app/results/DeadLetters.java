package dev.camelsixtyfour.app.results;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsixtyfour.app.batch.SourceRanges;
import dev.camelsixtyfour.app.pipeline.PipelinePaths;

/**
 * Batches the service refused (400, 402, 403, 413, ...) or whose run failed: parked as
 * {@code dead-letter/<batch id>.ndjson} (the rows, exactly as they would be sent) beside
 * {@code <batch id>.reason.json} (the service's status and reason, the sources). An operator replays a batch by
 * moving its .ndjson file into {@code dead-letter/replay/}: it is triggered again under a new batch id.
 */
public final class DeadLetters {

    private final PipelinePaths paths;

    public DeadLetters(PipelinePaths paths) {
        this.paths = paths;
    }

    public Path park(BatchOutcome batch, String rowsNdjson, int status, String reason) {
        Path rows = paths.deadLetter().resolve(batch.batchId() + ".ndjson");
        Outbox.writeAtomically(rows, rowsNdjson);
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("batch_id", batch.batchId());
        why.put("job_id", batch.jobId());
        why.put("workflow_id", batch.workflowId());
        why.put("status", status);
        why.put("reason", reason);
        why.put("rows", batch.rowsIn());
        why.put("sources", SourceRanges.parse(batch.sources()).stream()
                .map(range -> range.file() + ":" + range.firstLine() + "-" + range.lastLine()).toList());
        why.put("parked_at", OffsetDateTime.now().toString());
        why.put("replay", "move " + rows.getFileName() + " into " + paths.replay());
        Outbox.writeAtomically(paths.deadLetter().resolve(batch.batchId() + ".reason.json"), Outbox.toJson(why));
        return rows;
    }
}

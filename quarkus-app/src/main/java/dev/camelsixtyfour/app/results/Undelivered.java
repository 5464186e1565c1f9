package dev.camelsixtyfour.app.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.pipeline.PipelinePaths;

/**
 * Results a sink did not take after every retry: parked as {@code undelivered/<batch id>.ndjson} (the enriched
 * rows, as sent) beside {@code <batch id>.reason.json} (the batch's ids, the sink, the last error). An operator
 * redelivers them by moving the .ndjson file into {@code undelivered/replay/}; they go to the sink again under the
 * same batch id, so a receiver that did get them after all can dedupe.
 */
public final class Undelivered {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelinePaths paths;

    public Undelivered(PipelinePaths paths) {
        this.paths = paths;
    }

    public Path park(BatchOutcome batch, String rowsNdjson, int rows, String sink, String reason) {
        Path parked = paths.undelivered().resolve(batch.batchId() + ".ndjson");
        Outbox.writeAtomically(parked, rowsNdjson);
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("batch_id", batch.batchId());
        why.put("job_id", batch.jobId());
        why.put("workflow_id", batch.workflowId());
        why.put("rows", rows);
        why.put("sink", sink);
        why.put("reason", reason);
        why.put("parked_at", OffsetDateTime.now().toString());
        why.put("replay", "move " + parked.getFileName() + " into " + paths.redeliver());
        Outbox.writeAtomically(reasonFile(batch.batchId()), Outbox.toJson(why));
        return parked;
    }

    /** The ids parked with a batch's results, read back when an operator replays them. */
    public BatchOutcome parkedOutcome(String batchId) {
        Path reason = reasonFile(batchId);
        try {
            JsonNode why = JSON.readTree(Files.readString(reason));
            return new BatchOutcome(batchId, why.path("job_id").asText(null), why.path("workflow_id").asText(null),
                    why.path("rows").asInt(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + reason + ", the reason file of replayed batch " + batchId,
                    e);
        }
    }

    private Path reasonFile(String batchId) {
        return paths.undelivered().resolve(batchId + ".reason.json");
    }
}

package dev.camelsixtyfour.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rows one block of a run produced; rendered per format on first request and kept. */
final class ResultFile {

    private final String jobId;
    private final int blockNumber;
    private final String blockName;
    private final List<Map<String, Object>> rows;
    private final Instant createdAt;
    private final Map<ResultFormat, byte[]> rendered = new ConcurrentHashMap<>();

    ResultFile(String jobId, int blockNumber, String blockName, List<Map<String, Object>> rows, Instant createdAt) {
        this.jobId = jobId;
        this.blockNumber = blockNumber;
        this.blockName = blockName;
        this.rows = List.copyOf(rows);
        this.createdAt = createdAt;
    }

    int blockNumber() {
        return blockNumber;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    Instant createdAt() {
        return createdAt;
    }

    String filename(ResultFormat format) {
        return jobId + "/block_" + blockNumber + "_" + blockName + "." + format.wire();
    }

    byte[] content(ResultFormat format) {
        return rendered.computeIfAbsent(format, f -> f.render(rows));
    }
}

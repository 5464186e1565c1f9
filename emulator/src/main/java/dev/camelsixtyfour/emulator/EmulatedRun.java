package dev.camelsixtyfour.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one run as the emulator holds it.
 *
 * @param jobId        the run's id ({@code job_id} on the wire)
 * @param workflowId   the workflow it runs
 * @param orgId        the organisation of the API key that started it
 * @param status       {@code queued}, {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @param rows         the input rows, as received (or read by a read_csv source)
 * @param resultRows   the final output rows once completed, else empty
 * @param saveJson     whether the run was started with {@code save_json=true}
 * @param queuedAt     when the run was accepted
 * @param completedAt  when it reached a terminal status, or {@code null}
 * @param errorMessage why it failed, or {@code null}
 */
public record EmulatedRun(String jobId, String workflowId, String orgId, String status, List<Map<String, Object>> rows,
        List<Map<String, Object>> resultRows, boolean saveJson, Instant queuedAt, Instant completedAt,
        String errorMessage) {

    public EmulatedRun {
        rows = copy(rows);
        resultRows = copy(resultRows);
    }

    /** A deep enough copy that a test changing it cannot change the emulator's run (values may be null). */
    private static List<Map<String, Object>> copy(List<Map<String, Object>> source) {
        List<Map<String, Object>> copy = new ArrayList<>(source.size());
        source.forEach(row -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        return Collections.unmodifiableList(copy);
    }
}

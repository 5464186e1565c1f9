package dev.camelsixtyfour.app.arrival;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import dev.camelsixtyfour.app.batch.BatchStore;

/**
 * Runs awaiting their outgoing-webhook delivery, kept in the state database ({@code s64_awaited_runs}) so that a
 * restart forgets none. A run moves {@code awaiting} → {@code delivering} (its webhook came) or {@code polling}
 * (its webhook is overdue) → {@code done}; each move is one conditional update, so of a webhook, its duplicate
 * and the overdue poll exactly one finishes the run.
 */
@ApplicationScoped
public class AwaitedRuns {

    static final String AWAITING = "awaiting";
    static final String DELIVERING = "delivering";
    static final String POLLING = "polling";
    static final String DONE = "done";

    private static final RowMapper<AwaitedRun> RUN = (rs, row) -> new AwaitedRun(rs.getString("job_id"),
            rs.getString("pipeline"), rs.getString("batch_id"), rs.getInt("row_count"), rs.getString("sources"),
            rs.getString("batch_rows"));

    private final JdbcTemplate jdbc;

    @Inject
    public AwaitedRuns(BatchStore store) {
        this.jdbc = new JdbcTemplate(store.dataSource());
        String text = "PostgreSQL".equals(store.databaseProduct()) ? "TEXT" : "CLOB";
        jdbc.execute("CREATE TABLE IF NOT EXISTS s64_awaited_runs (job_id VARCHAR(200) NOT NULL PRIMARY KEY, "
                + "pipeline VARCHAR(200) NOT NULL, batch_id VARCHAR(500) NOT NULL, row_count INT NOT NULL, "
                + "sources " + text + ", batch_rows " + text + " NOT NULL, state VARCHAR(20) NOT NULL, "
                + "due_at BIGINT NOT NULL)");
    }

    /** Records a run; false when it was recorded before (its batch was triggered again and found the same run). */
    public boolean remember(AwaitedRun run, long dueAtMillis) {
        try {
            jdbc.update("INSERT INTO s64_awaited_runs (job_id, pipeline, batch_id, row_count, sources, batch_rows, "
                    + "state, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.jobId(), run.pipeline(), run.batchId(),
                    run.rowCount(), run.sources(), run.rows(), AWAITING, dueAtMillis);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes an awaiting run for its webhook delivery; empty when it is unknown or already taken. */
    public Optional<AwaitedRun> claimDelivered(String jobId) {
        return moved(jobId, AWAITING, DELIVERING) ? find(jobId) : Optional.empty();
    }

    /** Takes the pipeline's runs that are still awaiting their webhook at {@code nowMillis}, for polling. */
    public List<AwaitedRun> claimOverdue(String pipeline, long nowMillis) {
        List<String> overdue = jdbc.queryForList("SELECT job_id FROM s64_awaited_runs WHERE pipeline = ? "
                + "AND state = ? AND due_at <= ? ORDER BY due_at", String.class, pipeline, AWAITING, nowMillis);
        return overdue.stream()
                .filter(jobId -> moved(jobId, AWAITING, POLLING))
                .flatMap(jobId -> find(jobId).stream())
                .toList();
    }

    public void finished(String jobId) {
        jdbc.update("UPDATE s64_awaited_runs SET state = ?, batch_rows = '' WHERE job_id = ?", DONE, jobId);
    }

    /** Gives a taken run back, to be polled from {@code dueAtMillis} unless its webhook comes first. */
    public void release(String jobId, long dueAtMillis) {
        jdbc.update("UPDATE s64_awaited_runs SET state = ?, due_at = ? WHERE job_id = ?", AWAITING, dueAtMillis,
                jobId);
    }

    /** The run's state, or empty when the app never triggered it. */
    public Optional<String> state(String jobId) {
        return jdbc.queryForList("SELECT state FROM s64_awaited_runs WHERE job_id = ?", String.class, jobId)
                .stream().findFirst();
    }

    private boolean moved(String jobId, String from, String to) {
        return jdbc.update("UPDATE s64_awaited_runs SET state = ? WHERE job_id = ? AND state = ?", to, jobId,
                from) == 1;
    }

    private Optional<AwaitedRun> find(String jobId) {
        return jdbc.query("SELECT * FROM s64_awaited_runs WHERE job_id = ?", RUN, jobId).stream().findFirst();
    }
}

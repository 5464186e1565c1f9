package dev.camelsixtyfour.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one workflow run. Every read and transition holds the run's monitor, so a cancel racing the last
 * block sees either a running run (and wins) or a finished one (and gets 409), never half of each.
 */
final class Run {

    /** What the scheduler does after a step. */
    enum Step {
        NEXT_BLOCK,
        FINISHED,
        STOPPED
    }

    private final String jobId;
    private final long sequence;
    private final String orgId;
    private final Workflow workflow;
    private final List<WorkflowBlock> blocks;
    private final List<Map<String, Object>> inputRows;
    private final boolean saveJson;
    private final Set<ResultFormat> resultFormats;
    private final Instant queuedAt;
    private final long stepNanos;
    private final List<BlockState> blockStates = new ArrayList<>();
    private final List<ResultFile> files = new ArrayList<>();

    private RunStatus status = RunStatus.QUEUED;
    private Instant startedAt;
    private Instant completedAt;
    private Instant updatedAt;
    private String statusReason;
    private String errorMessage;
    private int current = -1;
    private long currentStartedNanos;
    private List<Map<String, Object>> rows;
    private boolean discarded;

    Run(String jobId, long sequence, String orgId, Workflow workflow, List<WorkflowBlock> blocks,
            List<Map<String, Object>> inputRows, boolean saveJson, Set<ResultFormat> resultFormats, Instant queuedAt,
            Duration stepDuration) {
        this.jobId = jobId;
        this.sequence = sequence;
        this.orgId = orgId;
        this.workflow = workflow;
        this.blocks = blocks;
        this.inputRows = List.copyOf(inputRows);
        this.saveJson = saveJson;
        this.resultFormats = Set.copyOf(resultFormats);
        this.queuedAt = queuedAt;
        this.updatedAt = queuedAt;
        this.stepNanos = stepDuration.toNanos();
        this.rows = this.inputRows;
        blocks.forEach(block -> blockStates.add(new BlockState()));
    }

    String jobId() {
        return jobId;
    }

    /** The order of arrival, which breaks ties between runs queued at the same instant. */
    long sequence() {
        return sequence;
    }

    String orgId() {
        return orgId;
    }

    Workflow workflow() {
        return workflow;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    /** Whether results may be fetched in this format: csv always, json and ndjson only when asked for at start. */
    boolean offers(ResultFormat format) {
        return switch (format) {
            case CSV -> true;
            case JSON -> saveJson || resultFormats.contains(ResultFormat.JSON);
            case NDJSON -> resultFormats.contains(ResultFormat.NDJSON);
        };
    }

    synchronized RunStatus status() {
        return status;
    }

    /** Moves the run one step on: starts it, or finishes the running block and starts the next. */
    synchronized Step advance(Instant now) {
        if (discarded || status.isTerminal()) {
            return Step.STOPPED;
        }
        updatedAt = now;
        if (status == RunStatus.QUEUED) {
            status = RunStatus.RUNNING;
            startedAt = now;
            startBlock(0, now);
            return Step.NEXT_BLOCK;
        }

        WorkflowBlock block = blocks.get(current);
        BlockState state = blockStates.get(current);
        String failure = BlockProcessor.simulatedFailure(block);
        if (failure != null) {
            fail(block, state, failure, now);
            return Step.FINISHED;
        }

        List<Map<String, Object>> output = BlockProcessor.apply(block, rows);
        state.complete(now, output.size());
        rows = output;
        if (!block.isOutgoingWebhook()) {
            files.add(new ResultFile(jobId, block.sequenceNumber(), block.blockName(), output, now));
        }
        if (current + 1 < blocks.size()) {
            startBlock(current + 1, now);
            return Step.NEXT_BLOCK;
        }
        status = RunStatus.COMPLETED;
        completedAt = now;
        return Step.FINISHED;
    }

    /** Cancels the run; false when it had already finished. */
    synchronized boolean cancel(Instant now) {
        if (status.isTerminal()) {
            return false;
        }
        if (current >= 0) {
            blockStates.get(current).fail(now, "Run cancelled", processedNow());
        }
        status = RunStatus.CANCELLED;
        statusReason = "cancelled_by_user";
        completedAt = now;
        updatedAt = now;
        return true;
    }

    /** Stops the run for good without a status change: {@link SixtyfourEmulator#reset()} forgot it. */
    synchronized void discard() {
        discarded = true;
    }

    synchronized List<ResultFile> files() {
        return List.copyOf(files);
    }

    synchronized List<Map<String, Object>> outputRows() {
        return rows;
    }

    synchronized EmulatedRun snapshot() {
        List<Map<String, Object>> results = status == RunStatus.COMPLETED ? rows : List.of();
        return new EmulatedRun(jobId, workflow.id(), orgId, status.wire(), inputRows, results, saveJson, queuedAt,
                completedAt, errorMessage);
    }

    /** The {@code WorkflowRunResponse} shape of {@code GET /workflows/runs}. */
    synchronized Map<String, Object> toListItem() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("job_id", jobId);
        map.put("workflow_id", workflow.id());
        map.put("workflow_name", workflow.name());
        map.put("status", status.wire());
        map.put("step", null);
        map.put("user_id", null);
        map.put("created_at", queuedAt.toString());
        map.put("updated_at", updatedAt.toString());
        map.put("queued_at", queuedAt.toString());
        map.put("started_at", text(startedAt));
        map.put("completed_at", text(completedAt));
        map.put("duration_ms", startedAt == null || completedAt == null ? null
                : Duration.between(startedAt, completedAt).toMillis());
        map.put("status_reason", statusReason);
        map.put("error_message", errorMessage);
        map.put("metrics", metrics());
        map.put("blocks", null);
        map.put("blocks_count", blocks.size());
        return map;
    }

    /** The {@code WorkflowLiveStatusResponse} shape. */
    synchronized Map<String, Object> toLiveStatus(Instant now) {
        int completedBlocks = (int) blockStates.stream().filter(state -> "completed".equals(state.status)).count();
        boolean running = status == RunStatus.RUNNING;

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run_id", jobId);
        map.put("workflow_id", workflow.id());
        map.put("overall_status", status.wire());
        map.put("current_block", running ? blocks.get(current).blockName() : null);
        map.put("current_block_sequence", running ? blocks.get(current).sequenceNumber() : null);
        map.put("total_blocks", blocks.size());
        map.put("completed_blocks", completedBlocks);
        map.put("started_at", text(startedAt));
        map.put("completed_at", text(completedAt));
        map.put("last_updated", (running ? now : updatedAt).toString());
        map.put("overall_progress_percentage", overallProgress(completedBlocks));
        map.put("estimation_blocked_by", null);
        List<Map<String, Object>> blockMaps = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            blockMaps.add(blockStatus(i, now));
        }
        map.put("blocks", blockMaps);
        return map;
    }

    private void startBlock(int index, Instant now) {
        current = index;
        currentStartedNanos = System.nanoTime();
        blockStates.get(index).start(now, rows.size());
    }

    private void fail(WorkflowBlock block, BlockState state, String failure, Instant now) {
        state.fail(now, failure, rows.size() / 2);
        status = RunStatus.FAILED;
        statusReason = "block_failed";
        errorMessage = "Block " + block.sequenceNumber() + " (" + block.blockName() + ") failed: " + failure;
        completedAt = now;
    }

    private int processedNow() {
        BlockState state = blockStates.get(current);
        if (stepNanos <= 0) {
            return state.totalCount;
        }
        double fraction = Math.min(1.0, (System.nanoTime() - currentStartedNanos) / (double) stepNanos);
        return (int) Math.floor(state.totalCount * fraction);
    }

    private double overallProgress(int completedBlocks) {
        if (status == RunStatus.COMPLETED) {
            return 100.0;
        }
        double partial = 0.0;
        if (status == RunStatus.RUNNING) {
            int total = blockStates.get(current).totalCount;
            partial = total == 0 ? 0.0 : processedNow() / (double) total;
        }
        return Math.round((completedBlocks + partial) * 1000.0 / blocks.size()) / 10.0;
    }

    private Map<String, Object> blockStatus(int index, Instant now) {
        WorkflowBlock block = blocks.get(index);
        BlockState state = blockStates.get(index);
        boolean running = "running".equals(state.status);
        int processed = running ? processedNow() : state.processedCount;
        double progress = "completed".equals(state.status) ? 100.0
                : state.totalCount == 0 ? 0.0 : Math.round(processed * 1000.0 / state.totalCount) / 10.0;

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("row_count", state.rowCount);
        metrics.put("dataframe_type", blocks.get(0).dataframeType());
        metrics.put("processed_count", processed);
        metrics.put("total_count", state.totalCount);

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("block_id", block.blockId());
        map.put("block_name", block.blockName());
        map.put("sequence_number", block.sequenceNumber());
        map.put("previous_block_ids", block.previousBlockIds());
        map.put("status", state.status);
        map.put("started_at", text(state.startedAt));
        map.put("completed_at", text(state.completedAt));
        map.put("progress_percentage", progress);
        map.put("current_step", running ? "Processing rows" : null);
        map.put("processed_count", processed);
        map.put("total_count", state.totalCount);
        map.put("estimated_total_count", null);
        map.put("last_updated", (running ? now : state.updatedAt(updatedAt)).toString());
        map.put("error_message", state.errorMessage);
        map.put("metrics", metrics);
        return map;
    }

    private Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows_in", inputRows.size());
        metrics.put("rows_out", status == RunStatus.COMPLETED ? rows.size() : null);
        metrics.put("completed_blocks", blockStates.stream().filter(state -> "completed".equals(state.status))
                .count());
        return metrics;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One block's progress within this run. Guarded by the run's monitor. */
    private static final class BlockState {
        private String status = "pending";
        private Instant startedAt;
        private Instant completedAt;
        private int processedCount;
        private int totalCount;
        private int rowCount;
        private String errorMessage;

        void start(Instant now, int rows) {
            status = "running";
            startedAt = now;
            totalCount = rows;
        }

        void complete(Instant now, int outputRows) {
            status = "completed";
            completedAt = now;
            processedCount = totalCount;
            rowCount = outputRows;
        }

        void fail(Instant now, String message, int processed) {
            status = "failed";
            completedAt = now;
            processedCount = processed;
            errorMessage = message;
        }

        Instant updatedAt(Instant fallback) {
            if (completedAt != null) {
                return completedAt;
            }
            return startedAt != null ? startedAt : fallback;
        }
    }
}

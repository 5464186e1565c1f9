package dev.camelsixtyfour.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds every run and moves each one on, one block per step of the configured duration, on a shared scheduler.
 * When a run of a workflow with an {@code outgoing_webhook} block completes, its results are pushed.
 */
final class RunEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, URI> webhookTargets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration stepDuration;
    private final WebhookDispatcher dispatcher;
    private final ResultLinks links;

    RunEngine(ScheduledExecutorService scheduler, Clock clock, Duration stepDuration, WebhookDispatcher dispatcher,
            ResultLinks links) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.stepDuration = stepDuration;
        this.dispatcher = dispatcher;
        this.links = links;
    }

    /** Queues a run and schedules its first step; returns its job id. */
    String start(String orgId, Workflow workflow, List<WorkflowBlock> blocks, List<Map<String, Object>> rows,
            boolean saveJson, Set<ResultFormat> formats) {
        String jobId = UUID.randomUUID().toString();
        Run run = new Run(jobId, sequence.incrementAndGet(), orgId, workflow, blocks, rows, saveJson, formats,
                clock.instant(), stepDuration);
        runs.put(jobId, run);
        LOG.debug("Run {} of workflow {} queued with {} rows", jobId, workflow.id(), rows.size());
        schedule(run);
        return jobId;
    }

    /** The run when it exists and belongs to the organisation; another organisation's run is not found. */
    Run find(String jobId, String orgId) {
        Run run = runs.get(jobId);
        return run != null && run.orgId().equals(orgId) ? run : null;
    }

    Run get(String jobId) {
        return runs.get(jobId);
    }

    /** The organisation's runs, newest first by {@code queued_at} (then by arrival). */
    List<Run> list(String orgId) {
        return runs.values().stream().filter(run -> run.orgId().equals(orgId))
                .sorted(Comparator.comparing(Run::queuedAt).thenComparingLong(Run::sequence).reversed())
                .toList();
    }

    List<EmulatedRun> snapshots() {
        return runs.values().stream()
                .sorted(Comparator.comparingLong(Run::sequence))
                .map(Run::snapshot).toList();
    }

    void webhookTarget(String workflowId, URI target) {
        webhookTargets.put(workflowId, target);
    }

    /** Forgets every run; their pending steps find them discarded and stop. */
    void clear() {
        runs.values().forEach(Run::discard);
        runs.clear();
        webhookTargets.clear();
    }

    // Known limitation: steps follow the real clock (the builder's step duration); a Clock given to the builder moves
    // timestamps, key retention and URL expiry, not the progress of runs.
    private void schedule(Run run) {
        scheduler.schedule(() -> step(run), stepDuration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void step(Run run) {
        try {
            Run.Step next = run.advance(clock.instant());
            if (next == Run.Step.NEXT_BLOCK) {
                schedule(run);
            } else if (next == Run.Step.FINISHED) {
                finished(run);
            }
        } catch (RuntimeException e) {
            LOG.error("Run {} could not advance", run.jobId(), e);
        }
    }

    private void finished(Run run) {
        RunStatus status = run.status();
        LOG.debug("Run {} of workflow {} {}", run.jobId(), run.workflow().id(), status.wire());
        if (status != RunStatus.COMPLETED || !run.workflow().hasOutgoingWebhook()) {
            return;
        }

        WorkflowBlock block = run.workflow().blocks().stream().filter(WorkflowBlock::isOutgoingWebhook)
                .findFirst().orElseThrow();
        URI target = webhookTargets.get(run.workflow().id());
        if (target == null && block.spec("url") != null && !block.spec("url").isBlank()) {
            target = URI.create(block.spec("url"));
        }
        if (target == null) {
            LOG.info("Run {} completed; its outgoing_webhook block has no url, so nothing was sent", run.jobId());
            return;
        }
        pushResults(run, block, target);
    }

    private void pushResults(Run run, WorkflowBlock block, URI target) {
        List<Map<String, Object>> rows = run.outputRows();
        List<ResultFile> files = run.files();
        ResultFile last = files.get(files.size() - 1);
        String eventId = UUID.randomUUID().toString();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("event_type", "outgoing_webhook.completed");
        body.put("run_id", run.jobId());
        body.put("workflow_id", run.workflow().id());
        body.put("status", "completed");
        body.put("row_count", rows.size());
        body.put("results", rows.size() > links.inlineRowLimit() ? null : rows);
        body.put("results_download_url", links.downloadUrl(run.jobId(), last.blockNumber(), ResultFormat.CSV)
                .toString());
        Duration timeout = Duration.ofSeconds(block.specs().path("timeout_seconds").asLong(10));
        dispatcher.deliver(target, eventId, "outgoing_webhook.completed", Json.bytes(body), timeout);
    }
}

package dev.camelsixtyfour.component.client;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelsixtyfour.component.model.CancelResult;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.ResultFile;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.model.RunRequest;
import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.component.model.RunsQuery;
import dev.camelsixtyfour.component.model.Workflow;
import dev.camelsixtyfour.component.model.WorkflowRun;

/**
 * The Sixtyfour workflow API, one method per call. Every method is asynchronous and completes exceptionally with
 * a {@link dev.camelsixtyfour.component.SixtyfourException} when the service answers with an error status or
 * cannot be reached after the configured retries.
 */
public interface SixtyfourClient extends AutoCloseable {

    /** {@code POST /workflows/run}. */
    CompletableFuture<RunStarted> startRun(RunRequest request);

    /** {@code GET /workflows/{workflow_id}}: one workflow with its block graph. */
    CompletableFuture<Workflow> getWorkflow(String workflowId);

    /** {@code GET /workflows}: the organisation's workflows, without block graphs. */
    CompletableFuture<List<Workflow>> listWorkflows();

    /** {@code GET /workflows/runs/{run_id}/live_status}. */
    CompletableFuture<LiveStatus> liveStatus(String runId);

    /** {@code GET /workflows/runs}, newest first. */
    CompletableFuture<List<WorkflowRun>> listRuns(RunsQuery query);

    /** {@code POST /workflows/cancel?job_id=}. */
    CompletableFuture<CancelResult> cancel(String jobId);

    /** {@code GET /workflows/runs/{run_id}/results/download-links?format=}. */
    CompletableFuture<List<ResultFile>> downloadLinks(String runId, ResultFormat format);

    /**
     * Fetches a signed result URL, without the API key. The stream must be closed by the caller.
     */
    CompletableFuture<InputStream> download(URI signedUrl);

    /** Releases the connections and threads of this client; the client cannot be used afterwards. */
    @Override
    void close();
}

package dev.camelsixtyfour.component.operation;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.RunsQuery;
import dev.camelsixtyfour.component.model.WorkflowRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a run ended failed or cancelled. Live status does not say; the runs list does ({@code status_reason},
 * {@code error_message}), so the run is looked up there among the newest runsLimit runs of its status.
 */
final class RunFailureLookup {

    private static final Logger LOG = LoggerFactory.getLogger(RunFailureLookup.class);

    private RunFailureLookup() {
    }

    /** The run as the runs list shows it, or empty when it is not among the newest runs of its status. */
    static CompletableFuture<Optional<WorkflowRun>> find(SixtyfourEndpoint endpoint, String workflowId, String jobId,
                                                         RunStatus status) {
        RunsQuery query = new RunsQuery(status.value(), workflowId, endpoint.getRunsConfiguration().getRunsLimit());
        return endpoint.getClient().listRuns(query).thenApply(runs -> {
            Optional<WorkflowRun> run = runs.stream().filter(candidate -> jobId.equals(candidate.jobId()))
                    .findFirst();
            if (run.isEmpty()) {
                LOG.warn("Run {} ended {} but is not among the {} latest {} runs; reporting it without a reason",
                        jobId, status, runs.size(), status);
            }
            return run;
        });
    }
}

package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourRunFailedException;
import dev.camelsixtyfour.component.await.AwaitSchedule;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.WorkflowRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code runAndWait}: starts a run as the run operation does, polls its live status on the await schedule without
 * holding a thread, and completes the exchange with the run's results. A run that ends failed or cancelled fails
 * the exchange with a {@link SixtyfourRunFailedException} carrying the service's {@code status_reason} and
 * {@code error_message}; a run still going at awaitTimeout fails it with a
 * {@link dev.camelsixtyfour.component.SixtyfourAwaitTimeoutException} and is left running.
 */
final class RunAndWaitOperation implements OperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RunAndWaitOperation.class);

    private final SixtyfourEndpoint endpoint;
    private final OperationHandler start;
    private final ResultsOperation results;
    private final AwaitSchedule schedule;

    RunAndWaitOperation(SixtyfourEndpoint endpoint, OperationHandler start, ResultsOperation results) {
        this.endpoint = endpoint;
        this.start = start;
        this.results = results;
        // Built when the producer is created, so contradictory options stop the route from starting.
        this.schedule = endpoint.getAwaitConfiguration().toSchedule();
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        return start.handle(exchange).thenCompose(started -> {
            Message message = exchange.getMessage();
            String jobId = message.getHeader(SixtyfourConstants.JOB_ID, String.class);
            String workflowId = message.getHeader(SixtyfourConstants.WORKFLOW_ID, String.class);
            LOG.debug("Exchange {}: waiting for run {}", exchange.getExchangeId(), jobId);
            return endpoint.getRunAwaiter()
                    .await(workflowId, jobId, schedule)
                    .thenCompose(status -> finish(exchange, workflowId, jobId, status));
        });
    }

    private CompletableFuture<Void> finish(Exchange exchange, String workflowId, String jobId, LiveStatus status) {
        Message message = exchange.getMessage();
        message.setHeader(SixtyfourConstants.RUN_STATUS, status.overallStatus());
        message.setHeader(SixtyfourConstants.PROGRESS, status.overallProgressPercentage());
        if (status.overallStatus() == RunStatus.completed) {
            LOG.info("Run {} of workflow {} completed; fetching its results", jobId, workflowId);
            return results.fetchInto(exchange, jobId);
        }
        return failure(workflowId, jobId, status.overallStatus());
    }

    private CompletableFuture<Void> failure(String workflowId, String jobId, RunStatus status) {
        return RunFailureLookup.find(endpoint, workflowId, jobId, status).thenCompose(run -> CompletableFuture
                .failedFuture(new SixtyfourRunFailedException(workflowId, jobId, status,
                        run.map(WorkflowRun::statusReason).orElse(null),
                        run.map(WorkflowRun::errorMessage).orElse(null))));
    }
}

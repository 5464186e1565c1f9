package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourOperation;
import dev.camelsixtyfour.component.model.CancelOutcome;
import dev.camelsixtyfour.component.model.RunStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cancel}: cancels one run. A run that had already finished (the service's 409) is an outcome, not a
 * failure: the body is a {@link CancelOutcome} with {@code alreadyFinished} set and the status the run ended in,
 * read from its live status.
 */
final class CancelOperation implements OperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CancelOperation.class);
    private static final int CONFLICT = 409;

    private final SixtyfourEndpoint endpoint;

    CancelOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        return JobIds.withJobId(exchange, SixtyfourOperation.cancel, jobId -> endpoint.getClient().cancel(jobId)
                .thenApply(result -> new CancelOutcome(jobId, statusOrCancelled(result.status()), false))
                .exceptionallyCompose(failure -> alreadyFinished(jobId, failure))
                .thenAccept(outcome -> apply(exchange.getMessage(), outcome)));
    }

    private CompletableFuture<CancelOutcome> alreadyFinished(String jobId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof SixtyfourException remote) || remote.getStatusCode() != CONFLICT) {
            return CompletableFuture.failedFuture(cause);
        }
        LOG.debug("Run {} had already finished when the cancel arrived", jobId);
        return endpoint.getClient().liveStatus(jobId)
                .thenApply(status -> new CancelOutcome(jobId, status.overallStatus(), true));
    }

    private static RunStatus statusOrCancelled(RunStatus status) {
        return status != null ? status : RunStatus.cancelled;
    }

    private static void apply(Message message, CancelOutcome outcome) {
        message.setBody(outcome);
        message.setHeader(SixtyfourConstants.JOB_ID, outcome.jobId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, outcome.status());
        message.setHeader(SixtyfourConstants.ALREADY_FINISHED, outcome.alreadyFinished());
    }
}

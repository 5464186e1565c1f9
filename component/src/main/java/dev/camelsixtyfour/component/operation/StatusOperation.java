package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourOperation;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.WorkflowRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code status}: the live status of one run as the body, its overall status and progress as headers; for a run
 * that ended failed or cancelled also the service's {@code status_reason} and {@code error_message}.
 */
final class StatusOperation implements OperationHandler {

    private final SixtyfourEndpoint endpoint;

    StatusOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        return JobIds.withJobId(exchange, SixtyfourOperation.status, jobId -> endpoint.getClient().liveStatus(jobId)
                .thenCompose(status -> {
                    apply(exchange.getMessage(), jobId, status);
                    return endedWithoutResults(status) ? addReason(exchange.getMessage(), jobId, status)
                            : CompletableFuture.<Void>completedFuture(null);
                }));
    }

    private static boolean endedWithoutResults(LiveStatus status) {
        RunStatus overall = status.overallStatus();
        return overall != null && overall.isTerminal() && overall != RunStatus.completed;
    }

    /** A failed or cancelled run also gets the service's reason for it, which live status lacks. */
    private CompletableFuture<Void> addReason(Message message, String jobId, LiveStatus status) {
        return RunFailureLookup.find(endpoint, status.workflowId(), jobId, status.overallStatus()).thenAccept(run -> {
            message.setHeader(SixtyfourConstants.STATUS_REASON, run.map(WorkflowRun::statusReason).orElse(null));
            message.setHeader(SixtyfourConstants.ERROR_MESSAGE, run.map(WorkflowRun::errorMessage).orElse(null));
        });
    }

    static void apply(Message message, String jobId, LiveStatus status) {
        message.setBody(status);
        message.setHeader(SixtyfourConstants.JOB_ID, jobId);
        message.setHeader(SixtyfourConstants.WORKFLOW_ID, status.workflowId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, status.overallStatus());
        message.setHeader(SixtyfourConstants.PROGRESS, status.overallProgressPercentage());
    }
}

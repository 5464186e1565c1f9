package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourOperation;
import dev.camelsixtyfour.component.model.LiveStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code status}: the live status of one run as the body, its overall status and progress as headers.
 */
final class StatusOperation implements OperationHandler {

    private final SixtyfourEndpoint endpoint;

    StatusOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        return JobIds.withJobId(exchange, SixtyfourOperation.status, jobId -> endpoint.getClient().liveStatus(jobId)
                .thenAccept(status -> apply(exchange.getMessage(), jobId, status)));
    }

    static void apply(Message message, String jobId, LiveStatus status) {
        message.setBody(status);
        message.setHeader(SixtyfourConstants.JOB_ID, jobId);
        message.setHeader(SixtyfourConstants.WORKFLOW_ID, status.workflowId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, status.overallStatus());
        message.setHeader(SixtyfourConstants.PROGRESS, status.overallProgressPercentage());
    }
}

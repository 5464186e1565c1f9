package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourRunsConfiguration;
import dev.camelsixtyfour.component.model.RunsQuery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code runs}: the organisation's runs, newest first, filtered by status, workflow and limit (headers win over
 * options). On a workflow endpoint the workflow filter defaults to that workflow.
 */
final class RunsOperation implements OperationHandler {

    private final SixtyfourEndpoint endpoint;

    RunsOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        RunsQuery query = query(exchange.getMessage());
        return endpoint.getClient().listRuns(query).thenAccept(runs -> {
            Message message = exchange.getMessage();
            message.setBody(runs);
            message.setHeader(SixtyfourConstants.RUNS_COUNT, runs.size());
        });
    }

    private RunsQuery query(Message message) {
        SixtyfourRunsConfiguration options = endpoint.getRunsConfiguration();
        String status = message.getHeader(SixtyfourConstants.RUNS_STATUS, options.getRunsStatus(), String.class);
        String workflowId = message.getHeader(SixtyfourConstants.WORKFLOW_ID, endpoint.followedWorkflowId(),
                String.class);
        Integer limit = message.getHeader(SixtyfourConstants.RUNS_LIMIT, options.getRunsLimit(), Integer.class);
        return new RunsQuery(status, workflowId, limit);
    }
}

package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourOperation;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.results.FetchedResults;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code results}: the rows of a finished run (see {@link dev.camelsixtyfour.component.results.ResultsFetcher} for
 * list, streaming and file bodies).
 */
final class ResultsOperation implements OperationHandler {

    private final SixtyfourEndpoint endpoint;

    ResultsOperation(SixtyfourEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<Void> handle(Exchange exchange) {
        return JobIds.withJobId(exchange, SixtyfourOperation.results, jobId -> fetchInto(exchange, jobId));
    }

    CompletableFuture<Void> fetchInto(Exchange exchange, String jobId) {
        ResultFormat format = formatOf(exchange.getMessage());
        return endpoint.getResultsFetcher().fetch(jobId, format)
                .thenAccept(results -> apply(exchange, jobId, format, results));
    }

    private ResultFormat formatOf(Message message) {
        ResultFormat fromHeader = message.getHeader(SixtyfourConstants.RESULT_FORMAT, ResultFormat.class);
        return fromHeader != null ? fromHeader : endpoint.getResultsConfiguration().getResultFormat();
    }

    static void apply(Exchange exchange, String jobId, ResultFormat format, FetchedResults results) {
        results.applyTo(exchange);
        Message message = exchange.getMessage();
        message.setHeader(SixtyfourConstants.JOB_ID, jobId);
        message.setHeader(SixtyfourConstants.RESULT_FORMAT, format);
        message.setHeader(SixtyfourConstants.RESULT_ROW_COUNT, results.rowCount());
        message.setHeader(SixtyfourConstants.RESULT_FILE_NAME, results.fileName());
    }
}

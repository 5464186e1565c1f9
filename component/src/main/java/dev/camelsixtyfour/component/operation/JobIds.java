package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourOperation;
import dev.camelsixtyfour.component.model.RunStarted;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Finds the run an operation is about: the CamelSixtyfourJobId header, else a body that is the job id (text) or a
 * run-started answer.
 */
final class JobIds {

    private JobIds() {
    }

    /**
     * Runs {@code call} with the exchange's job id; a missing job id becomes a failed stage, like any other failure.
     */
    static CompletionStage<Void> withJobId(Exchange exchange, SixtyfourOperation operation,
                                           Function<String, CompletionStage<Void>> call) {
        String jobId;
        try {
            jobId = required(exchange, operation);
        } catch (SixtyfourException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.apply(jobId);
    }

    static String required(Exchange exchange, SixtyfourOperation operation) {
        Message message = exchange.getMessage();
        String fromHeader = message.getHeader(SixtyfourConstants.JOB_ID, String.class);
        if (fromHeader != null && !fromHeader.isBlank()) {
            return fromHeader.trim();
        }
        Object body = message.getBody();
        if (body instanceof RunStarted started && started.jobId() != null) {
            return started.jobId();
        }
        if (body instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        throw SixtyfourException.builder("The sixtyfour operation '" + operation + "' needs a job id: set the "
                                         + SixtyfourConstants.JOB_ID + " header or send the job id as the body")
                .build();
    }
}

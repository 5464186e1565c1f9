package dev.camelsixtyfour.component.operation;

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

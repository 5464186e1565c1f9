package dev.camelsixtyfour.component.operation;

import java.util.concurrent.CompletionStage;

import org.apache.camel.Exchange;

/**
 * Carries out one producer operation. A handler reads what it needs from the exchange, calls the service and
 * writes the outcome back to the exchange's message; the returned stage completes when it is done, exceptionally
 * with a {@link dev.camelsixtyfour.component.SixtyfourException} when the operation failed.
 * <p>
 * A handler is shared by every exchange of its endpoint, so it keeps no per-exchange state.
 */
@FunctionalInterface
public interface OperationHandler {

    CompletionStage<Void> handle(Exchange exchange);
}

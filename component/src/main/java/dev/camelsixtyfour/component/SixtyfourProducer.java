package dev.camelsixtyfour.component;

import java.util.Map;
import java.util.concurrent.CompletionException;

import dev.camelsixtyfour.component.operation.OperationHandler;
import dev.camelsixtyfour.component.operation.OperationHandlers;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each exchange to the handler of its operation and completes it when the handler's call completes, without
 * holding the calling thread.
 */
public class SixtyfourProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourProducer.class);

    private final Map<SixtyfourOperation, OperationHandler> handlers;

    public SixtyfourProducer(SixtyfourEndpoint endpoint) {
        super(endpoint);
        this.handlers = OperationHandlers.forEndpoint(endpoint);
    }

    @Override
    public SixtyfourEndpoint getEndpoint() {
        return (SixtyfourEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            SixtyfourOperation operation = operationOf(exchange);
            OperationHandler handler = handlerFor(operation);
            LOG.debug("Exchange {}: operation {} on {}", exchange.getExchangeId(), operation, getEndpoint().getKind());

            handler.handle(exchange).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    exchange.setException(unwrap(failure));
                }
                callback.done(false);
            });
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private SixtyfourOperation operationOf(Exchange exchange) {
        SixtyfourOperation operation = exchange.getMessage()
                .getHeader(SixtyfourConstants.OPERATION, SixtyfourOperation.class);
        return operation != null ? operation : getEndpoint().getConfiguration().getOperation();
    }

    private OperationHandler handlerFor(SixtyfourOperation operation) {
        OperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw SixtyfourException.builder("The sixtyfour operation '" + operation + "' has no handler on "
                                             + getEndpoint().getKind() + " endpoints")
                    .build();
        }
        return handler;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

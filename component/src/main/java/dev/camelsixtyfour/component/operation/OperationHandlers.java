package dev.camelsixtyfour.component.operation;

import java.util.EnumMap;
import java.util.Map;

import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourOperation;

/** The one place that says which class carries out which operation. */
public final class OperationHandlers {

    private OperationHandlers() {
    }

    public static Map<SixtyfourOperation, OperationHandler> forEndpoint(SixtyfourEndpoint endpoint) {
        Map<SixtyfourOperation, OperationHandler> handlers = new EnumMap<>(SixtyfourOperation.class);
        RunOperation run = new RunOperation(endpoint);
        ResultsOperation results = new ResultsOperation(endpoint);
        handlers.put(SixtyfourOperation.run, run);
        handlers.put(SixtyfourOperation.status, new StatusOperation(endpoint));
        handlers.put(SixtyfourOperation.runs, new RunsOperation(endpoint));
        handlers.put(SixtyfourOperation.cancel, new CancelOperation(endpoint));
        handlers.put(SixtyfourOperation.results, results);
        handlers.put(SixtyfourOperation.runAndWait, new RunAndWaitOperation(endpoint, run, results));
        return handlers;
    }
}

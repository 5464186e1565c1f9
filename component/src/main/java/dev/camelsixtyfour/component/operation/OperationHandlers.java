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
        handlers.put(SixtyfourOperation.run, new RunOperation(endpoint));
        return handlers;
    }
}

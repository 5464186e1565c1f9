package dev.camelsixtyfour.component.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a workflow run as the service reports it. The service spells the cancelled state both
 * {@code cancelled} and {@code canceled}; both read as {@link #cancelled}.
 */
public enum RunStatus {
    queued,
    running,
    completed,
    failed,
    cancelled,
    /** A status this client does not know yet; kept rather than failing the whole response. */
    unknown;

    @JsonCreator
    public static RunStatus fromValue(String value) {
        if (value == null) {
            return null;
        }

        String normalised = value.trim().toLowerCase(Locale.ROOT);
        if ("canceled".equals(normalised)) {
            return cancelled;
        }
        for (RunStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        return unknown;
    }

    @JsonValue
    public String value() {
        return name();
    }

    public boolean isTerminal() {
        return this == completed || this == failed || this == cancelled;
    }
}

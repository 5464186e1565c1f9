package dev.camelsixtyfour.component.results;

import java.util.Locale;

/**
 * The file formats a run's results can be downloaded in; the lower-case name is the API's {@code format} value.
 */
public enum ResultFormat {

    CSV,
    JSON,
    NDJSON;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

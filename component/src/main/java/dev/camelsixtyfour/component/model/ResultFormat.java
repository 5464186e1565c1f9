package dev.camelsixtyfour.component.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The formats a run can save its results in, and a result file can be downloaded in. */
public enum ResultFormat {
    csv,
    json,
    ndjson;

    @JsonCreator
    public static ResultFormat fromValue(String value) {
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ResultFormat format : values()) {
            if (format.name().equals(normalised)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "Unknown result format '" + value + "'; expected one of csv, json, ndjson");
    }

    @JsonValue
    public String value() {
        return name();
    }
}

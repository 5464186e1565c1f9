package dev.camelsixtyfour.emulator;

import java.util.Locale;

/** A run's life: queued, running, then one of the three terminal statuses. */
enum RunStatus {

    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
